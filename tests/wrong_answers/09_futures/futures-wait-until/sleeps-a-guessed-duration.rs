// mistake: the waking thread sleeps a fixed, guessed 30 ms instead of until `at`, so a longer wait is woken too early, once
// expect: was woken before `at`, found it not yet due, and was never woken again
fn wait_until(at: Instant) -> impl Future<Output = ()> {
    let mut started = false;
    std::future::poll_fn(move |cx| {
        if Instant::now() >= at {
            return Poll::Ready(());
        }
        if !started {
            started = true;
            let waker = cx.waker().clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(30));
                waker.wake();
            });
        }
        Poll::Pending
    })
}

check_wait_until(wait_until)
