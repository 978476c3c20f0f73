// mistake: spawns and awaits the JoinHandle, so dropping the returned future detaches the task, which runs on
// expect: the task was detached
fn start_now<F>(future: F) -> impl std::future::Future<Output = F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handle = tokio::spawn(future);
    async move {
        match handle.await {
            Ok(output) => output,
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(e) => panic!("the started future was cancelled: {e}"),
        }
    }
}

run_current_thread(check_start_now(start_now))
