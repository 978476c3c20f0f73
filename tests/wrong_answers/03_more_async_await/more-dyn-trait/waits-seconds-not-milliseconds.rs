// mistake: builds the wait with Duration::from_secs(millis), a thousand times too long (a lower bound alone accepts it)
// expect: Duration::from_secs(millis) waits seconds
fn espresso_brew(millis: u64) -> Pin<Box<dyn Future<Output = String> + Send>> {
    Box::pin(async move {
        tokio::time::sleep(Duration::from_secs(millis)).await;
        "espresso".to_string()
    })
}

run_current_thread(check_cafe(espresso_brew))
