// mistake: keeps the workers in a JoinSet and shuts it down at once: nothing is left running, but no worker was asked to stop or given time to clean up
// expect: no worker finished its clean-up
async fn stop_all(workers: usize, grace: Duration, cleanups: Cleanups) {
    let _ = grace;
    let token = CancellationToken::new();
    let mut set = JoinSet::new();
    for id in 0..workers {
        set.spawn(cleaning_worker(id, token.clone(), cleanups.clone()));
    }
    set.shutdown().await; // aborts them all, right now
}

check_shutdown_deadline(stop_all)
