// mistake: sleeps after every failure, the last one included, so giving up takes longer than needed
// expect: do not sleep after the last attempt
async fn retry_with_backoff(operation: Flaky, max_attempts: u32) -> Result<u32, String> {
    let mut last_error = String::from("no attempt made");
    let mut delay = Duration::from_millis(10);
    for _ in 0..max_attempts {
        match operation.call().await {
            Ok(value) => return Ok(value),
            Err(e) => last_error = e,
        }
        tokio::time::sleep(delay).await;
        delay *= 2;
    }
    Err(last_error)
}

run_paused(check_backoff(retry_with_backoff))
