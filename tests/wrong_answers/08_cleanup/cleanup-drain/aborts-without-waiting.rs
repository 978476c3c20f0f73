// mistake: calls abort_all() and returns at once, before the aborted tasks are gone
// expect: were still running when drain_then_abort returned
async fn drain_then_abort(mut tasks: JoinSet<()>, limit: Duration) -> (usize, usize) {
    let mut finished = 0;
    let drain = async {
        while tasks.join_next().await.is_some() {
            finished += 1;
        }
    };
    let _ = tokio::time::timeout(limit, drain).await;
    tasks.abort_all();
    (finished, tasks.len())
}

check_drain(drain_then_abort)
