// mistake: counts the tasks left in the set after shutdown has emptied it, so it reports 0 aborted
// expect: count the tasks left in the set (tasks.len()) before aborting them
async fn shutdown_with_deadline(
    token: CancellationToken,
    mut tasks: tokio::task::JoinSet<&'static str>,
    deadline: Duration,
) -> (Vec<&'static str>, usize) {
    token.cancel();
    let mut finished = Vec::new();
    let drain = async {
        while let Some(outcome) = tasks.join_next().await {
            if let Ok(name) = outcome {
                finished.push(name);
            }
        }
    };
    let _ = tokio::time::timeout(deadline, drain).await;
    tasks.shutdown().await;
    let aborted = tasks.len();
    (finished, aborted)
}

run_current_thread(check_shutdown(shutdown_with_deadline))
