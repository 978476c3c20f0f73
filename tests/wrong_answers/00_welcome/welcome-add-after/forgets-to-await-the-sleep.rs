// mistake: calls tokio::time::sleep(delay) but never awaits the future it returns
// expect: does nothing until you .await it
async fn add_after(a: u64, b: u64, delay: Duration) -> u64 {
    let _ = tokio::time::sleep(delay);
    a + b
}

run_current_thread(check_add_after(add_after))
