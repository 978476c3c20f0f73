// mistake: cancels the token, then sleeps a generous 200 ms: every worker has flushed by then, but the service always waits the whole 200 ms
// expect: it slept for a guessed time instead of waiting
async fn run_service(workers: usize, run_for: Duration, flushes: Flushes) {
    let token = CancellationToken::new();
    let tracker = TaskTracker::new();
    for _ in 0..workers {
        tracker.spawn(flushing_worker(token.clone(), flushes.clone()));
    }
    tokio::time::sleep(run_for).await;
    token.cancel();
    tokio::time::sleep(Duration::from_millis(200)).await; // surely enough for any flush
}

check_graceful_stop(run_service)
