// mistake: looks at stop.is_cancelled() only after recv() returns a line, so a worker waiting on an empty channel never notices
// expect: wait on stop.cancelled() in a select! next to recv()
async fn count_words(
    mut lines: tokio::sync::mpsc::Receiver<String>,
    stop: CancellationToken,
    reports: Arc<Mutex<Vec<usize>>>,
) -> usize {
    let (mut total, mut since_report, mut lines_since_report) = (0, 0, 0);
    while let Some(line) = lines.recv().await {
        let words = line.split_whitespace().count();
        total += words;
        since_report += words;
        lines_since_report += 1;
        if lines_since_report == 5 {
            report(&reports, since_report).await;
            since_report = 0;
            lines_since_report = 0;
        }
        if stop.is_cancelled() {
            break;
        }
    }
    if since_report > 0 {
        report(&reports, since_report).await;
    }
    total
}

check_token_worker(count_words)
