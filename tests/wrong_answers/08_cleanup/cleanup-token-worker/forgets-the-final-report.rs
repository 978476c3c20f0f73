// mistake: closes and drains the channel on cancellation but returns without reporting the words counted since the last report
// expect: report the words counted since the last report
async fn count_words(
    mut lines: tokio::sync::mpsc::Receiver<String>,
    stop: CancellationToken,
    reports: Arc<Mutex<Vec<usize>>>,
) -> usize {
    let (mut total, mut since_report, mut lines_since_report) = (0, 0, 0);
    let mut closed = false;
    loop {
        tokio::select! {
            biased;
            _ = stop.cancelled(), if !closed => {
                lines.close();
                closed = true;
            }
            line = lines.recv() => {
                let Some(line) = line else { break };
                let words = line.split_whitespace().count();
                total += words;
                since_report += words;
                lines_since_report += 1;
                if lines_since_report == 5 {
                    report(&reports, since_report).await;
                    since_report = 0;
                    lines_since_report = 0;
                }
            }
        }
    }
    total
}

check_token_worker(count_words)
