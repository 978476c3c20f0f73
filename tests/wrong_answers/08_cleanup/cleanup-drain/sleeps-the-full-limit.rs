// mistake: sleeps for the whole limit, then counts what finished, so the shutdown always takes the full limit
// expect: it waited out the limit instead of the tasks
async fn drain_then_abort(mut tasks: JoinSet<()>, limit: Duration) -> (usize, usize) {
    tokio::time::sleep(limit).await;
    let mut finished = 0;
    while tasks.try_join_next().is_some() {
        finished += 1;
    }
    let aborted = tasks.len();
    tasks.shutdown().await;
    (finished, aborted)
}

check_drain(drain_then_abort)
