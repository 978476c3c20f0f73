// mistake: aborts the remaining tasks and returns at once, before they are gone
// expect: stubborn tasks were still alive when shutdown_with_deadline returned
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
    let aborted = tasks.len();
    tasks.abort_all();
    (finished, aborted)
}

run_current_thread(check_shutdown(shutdown_with_deadline))
