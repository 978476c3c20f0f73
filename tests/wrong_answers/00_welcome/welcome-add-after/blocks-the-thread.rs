// mistake: waits with std::thread::sleep, which blocks the runtime's only thread
// expect: it blocks the thread
async fn add_after(a: u64, b: u64, delay: Duration) -> u64 {
    std::thread::sleep(delay);
    a + b
}

run_current_thread(check_add_after(add_after))
