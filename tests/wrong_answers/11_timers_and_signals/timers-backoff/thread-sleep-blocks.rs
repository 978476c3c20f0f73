// mistake: waits with std::thread::sleep, which blocks the runtime's thread instead of yielding
// expect: std::thread::sleep blocks the thread
async fn retry_with_backoff(operation: Flaky, max_attempts: u32) -> Result<u32, String> {
    let mut last_error = String::from("no attempt made");
    let mut delay = Duration::from_millis(10);
    for attempt in 1..=max_attempts {
        match operation.call().await {
            Ok(value) => return Ok(value),
            Err(e) => last_error = e,
        }
        if attempt < max_attempts {
            std::thread::sleep(delay);
            delay *= 2;
        }
    }
    Err(last_error)
}

run_paused(check_backoff(retry_with_backoff))
