// mistake: tracks the workers with a TaskTracker and bounds tracker.wait() with a timeout: it returns at the deadline, but the workers still cleaning up run on, detached
// expect: a timeout stops only the waiting
async fn stop_all(workers: usize, grace: Duration, cleanups: Cleanups) {
    let token = CancellationToken::new();
    let tracker = TaskTracker::new();
    for id in 0..workers {
        tracker.spawn(cleaning_worker(id, token.clone(), cleanups.clone()));
    }
    token.cancel();
    tracker.close();
    let _ = tokio::time::timeout(grace, tracker.wait()).await;
}

check_shutdown_deadline(stop_all)
