// mistake: puts the timeout around each join_next() instead of around the whole drain, so every finishing task extends it
// expect: not each join_next()
async fn drain_then_abort(mut tasks: JoinSet<()>, limit: Duration) -> (usize, usize) {
    let mut finished = 0;
    while let Ok(Some(_)) = tokio::time::timeout(limit, tasks.join_next()).await {
        finished += 1;
    }
    let aborted = tasks.len();
    tasks.shutdown().await;
    (finished, aborted)
}

check_drain(drain_then_abort)
