// mistake: cancels, then waits for every worker with join_next and no deadline, so one worker stuck in its clean-up keeps the shutdown waiting forever
// expect: it waited for a worker whose clean-up never ends
async fn stop_all(workers: usize, grace: Duration, cleanups: Cleanups) {
    let _ = grace;
    let token = CancellationToken::new();
    let mut set = JoinSet::new();
    for id in 0..workers {
        set.spawn(cleaning_worker(id, token.clone(), cleanups.clone()));
    }
    token.cancel();
    while set.join_next().await.is_some() {}
}

check_shutdown_deadline(stop_all)
