// mistake: when every attempt fails, returns the first error instead of the last
// expect: the first error; return the last one
async fn retry<T, E>(attempts: usize, mut op: impl AsyncFnMut() -> Result<T, E>) -> Result<T, E> {
    let first = op().await;
    if first.is_ok() {
        return first;
    }
    for _ in 1..attempts {
        if let Ok(value) = op().await {
            return Ok(value);
        }
    }
    first
}

run_current_thread(check_retry(async |attempts, op: &Flaky| {
    retry(attempts, async || op.call().await).await
}))
