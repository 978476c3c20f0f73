// mistake: wraps the future in an async block, which is just as lazy as the future itself
// expect: the slow operation only started when it was awaited
fn start_now<F>(future: F) -> impl std::future::Future<Output = F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    async move { future.await }
}

run_current_thread(check_start_now(start_now))
