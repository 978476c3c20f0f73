// mistake: breaks out of the loop as soon as the token is cancelled, so lines still queued in the channel are dropped with the receiver
// expect: the lines still queued at cancel() were dropped
async fn count_words(
    mut lines: tokio::sync::mpsc::Receiver<String>,
    stop: CancellationToken,
    reports: Arc<Mutex<Vec<usize>>>,
) -> usize {
    let (mut total, mut since_report, mut lines_since_report) = (0, 0, 0);
    loop {
        let line = tokio::select! {
            biased;
            _ = stop.cancelled() => break,
            line = lines.recv() => match line {
                Some(line) => line,
                None => break,
            },
        };
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
    if since_report > 0 {
        report(&reports, since_report).await;
    }
    total
}

check_token_worker(count_words)
