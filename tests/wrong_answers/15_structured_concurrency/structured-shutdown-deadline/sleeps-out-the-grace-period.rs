// mistake: cancels, sleeps the whole grace period, then shuts the JoinSet down: right when a worker is stuck, but it waits the full 50 ms even when every worker is done in 15
// expect: it sat out the whole grace period
async fn stop_all(workers: usize, grace: Duration, cleanups: Cleanups) {
    let token = CancellationToken::new();
    let mut set = JoinSet::new();
    for id in 0..workers {
        set.spawn(cleaning_worker(id, token.clone(), cleanups.clone()));
    }
    token.cancel();
    tokio::time::sleep(grace).await; // the workers have had their chance
    set.shutdown().await;
}

check_shutdown_deadline(stop_all)
