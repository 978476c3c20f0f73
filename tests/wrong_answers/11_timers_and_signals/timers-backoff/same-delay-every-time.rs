// mistake: waits 10 ms before every retry instead of doubling the delay
// expect: every wait was 10 ms
async fn retry_with_backoff(operation: Flaky, max_attempts: u32) -> Result<u32, String> {
    let mut last_error = String::from("no attempt made");
    for attempt in 1..=max_attempts {
        match operation.call().await {
            Ok(value) => return Ok(value),
            Err(e) => last_error = e,
        }
        if attempt < max_attempts {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
    Err(last_error)
}

run_paused(check_backoff(retry_with_backoff))
