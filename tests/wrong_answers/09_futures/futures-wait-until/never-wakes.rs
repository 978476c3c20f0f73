// mistake: drops the busy wake-up and returns Pending without arranging any wake-up at all
// expect: returned Pending once and was never polled again
fn wait_until(at: Instant) -> impl Future<Output = ()> {
    std::future::poll_fn(move |_cx| {
        if Instant::now() >= at {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
}

check_wait_until(wait_until)
