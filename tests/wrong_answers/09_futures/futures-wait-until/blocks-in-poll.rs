// mistake: sleeps with std::thread::sleep inside poll until `at`, then returns Ready: one poll, but the thread is blocked
// expect: the wait held the runtime's only thread
fn wait_until(at: Instant) -> impl Future<Output = ()> {
    std::future::poll_fn(move |_cx| {
        std::thread::sleep(at.saturating_duration_since(Instant::now()));
        Poll::Ready(())
    })
}

check_wait_until(wait_until)
