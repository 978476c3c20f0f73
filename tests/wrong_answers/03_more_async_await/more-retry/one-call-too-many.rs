// mistake: treats `attempts` as the number of retries after the first call, so it calls once too often
// expect: counts every call, the first one included
async fn retry<T, E>(attempts: usize, mut op: impl AsyncFnMut() -> Result<T, E>) -> Result<T, E> {
    let mut result = op().await;
    for _ in 0..attempts {
        if result.is_ok() {
            break;
        }
        result = op().await;
    }
    result
}

run_current_thread(check_retry(async |attempts, op: &Flaky| {
    retry(attempts, async || op.call().await).await
}))
