// mistake: keeps the abort-on-drop guard in start_now itself, so it aborts the task as soon as start_now returns
// expect: The abort guard must live inside the returned future
fn start_now<F>(future: F) -> impl std::future::Future<Output = F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    struct AbortOnDrop(tokio::task::AbortHandle);
    impl Drop for AbortOnDrop {
        fn drop(&mut self) {
            self.0.abort();
        }
    }

    let handle = tokio::spawn(future);
    let _guard = AbortOnDrop(handle.abort_handle()); // dropped when start_now returns
    async move {
        match handle.await {
            Ok(output) => output,
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(e) => panic!("the started future was cancelled: {e}"),
        }
    }
}

run_current_thread(check_start_now(start_now))
