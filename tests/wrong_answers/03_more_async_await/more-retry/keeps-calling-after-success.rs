// mistake: always makes all `attempts` calls, even after one has succeeded
// expect: stop at the first Ok
async fn retry<T, E>(attempts: usize, mut op: impl AsyncFnMut() -> Result<T, E>) -> Result<T, E> {
    let mut result = op().await;
    for _ in 1..attempts {
        result = op().await;
    }
    result
}

run_current_thread(check_retry(async |attempts, op: &Flaky| {
    retry(attempts, async || op.call().await).await
}))
