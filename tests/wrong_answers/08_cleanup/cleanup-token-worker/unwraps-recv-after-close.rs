// mistake: closes the channel on cancel but unwraps recv(), which returns None at once when nothing was queued, so the worker panics
// expect: a task or thread panicked: called `Option::unwrap()` on a `None` value
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
                let line = line.unwrap(); // "the sender is still alive, so there is always a line"
                let words = line.split_whitespace().count();
                total += words;
                since_report += words;
                lines_since_report += 1;
                if lines_since_report == 5 {
                    report(&reports, since_report).await;
                    since_report = 0;
                    lines_since_report = 0;
                }
                if closed && lines.is_empty() {
                    break;
                }
            }
        }
    }
    if since_report > 0 {
        report(&reports, since_report).await;
    }
    total
}

check_token_worker(count_words)
