// mistake: puts the timeout around each join_next, so the deadline starts again after every task that ends
// expect: the deadline restarted for each task
async fn shutdown_with_deadline(
    token: CancellationToken,
    mut tasks: tokio::task::JoinSet<&'static str>,
    deadline: Duration,
) -> (Vec<&'static str>, usize) {
    token.cancel();
    let mut finished = Vec::new();
    while let Ok(Some(outcome)) = tokio::time::timeout(deadline, tasks.join_next()).await {
        if let Ok(name) = outcome {
            finished.push(name);
        }
    }
    let aborted = tasks.len();
    tasks.shutdown().await;
    (finished, aborted)
}

run_current_thread(check_shutdown(shutdown_with_deadline))
