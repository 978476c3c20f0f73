// mistake: waits a hard-coded 30 ms instead of the `millis` it is given
// expect: it waited a fixed time
fn espresso_brew(millis: u64) -> Pin<Box<dyn Future<Output = String> + Send>> {
    let _ = millis;
    Box::pin(async {
        tokio::time::sleep(Duration::from_millis(30)).await;
        "espresso".to_string()
    })
}

run_current_thread(check_cafe(espresso_brew))
