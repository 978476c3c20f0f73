// mistake: cancels and awaits tracker.wait() but never calls tracker.close(), so the wait never completes
// expect: completes only once the tracker is closed
async fn run_service(workers: usize, run_for: Duration, flushes: Flushes) {
    let token = CancellationToken::new();
    let tracker = TaskTracker::new();
    for _ in 0..workers {
        tracker.spawn(flushing_worker(token.clone(), flushes.clone()));
    }
    tokio::time::sleep(run_for).await;
    token.cancel();
    tracker.wait().await;
}

check_graceful_stop(run_service)
