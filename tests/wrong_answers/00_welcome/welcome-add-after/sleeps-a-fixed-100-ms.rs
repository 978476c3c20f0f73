// mistake: sleeps a fixed 100 ms (the old example's delay) instead of the delay it is given
// expect: wait for the `delay` you are given
async fn add_after(a: u64, b: u64, _delay: Duration) -> u64 {
    tokio::time::sleep(Duration::from_millis(100)).await;
    a + b
}

run_current_thread(check_add_after(add_after))
