// mistake: indexes a fixed list of delays [10, 20, 40], which runs out (and panics) after three failures
// expect: retry_with_backoff panicked (index out of bounds
async fn retry_with_backoff(operation: Flaky, max_attempts: u32) -> Result<u32, String> {
    let delays = [10, 20, 40];
    let mut last_error = String::from("no attempt made");
    for attempt in 0..max_attempts as usize {
        match operation.call().await {
            Ok(value) => return Ok(value),
            Err(e) => last_error = e,
        }
        if attempt + 1 < max_attempts as usize {
            tokio::time::sleep(Duration::from_millis(delays[attempt])).await;
        }
    }
    Err(last_error)
}

run_paused(check_backoff(retry_with_backoff))
