// mistake: cancels, sleeps for the whole deadline, then aborts what is left: always waits the full deadline
// expect: not sleep until the deadline
async fn shutdown_with_deadline(
    token: CancellationToken,
    mut tasks: tokio::task::JoinSet<&'static str>,
    deadline: Duration,
) -> (Vec<&'static str>, usize) {
    token.cancel();
    tokio::time::sleep(deadline).await; // give them the time they are allowed
    tasks.abort_all();
    let (mut finished, mut aborted) = (Vec::new(), 0);
    while let Some(outcome) = tasks.join_next().await {
        match outcome {
            Ok(name) => finished.push(name),
            Err(_) => aborted += 1,
        }
    }
    (finished, aborted)
}

run_current_thread(check_shutdown(shutdown_with_deadline))
