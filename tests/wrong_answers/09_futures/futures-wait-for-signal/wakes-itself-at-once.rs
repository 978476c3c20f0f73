// mistake: wakes its own waker on every Pending (like the countdown) instead of handing it to the signal: busy-polling
// expect: that is busy-polling
fn wait_for(signal: Arc<Signal>) -> impl Future<Output = ()> {
    std::future::poll_fn(move |cx| {
        if signal.is_set() {
            return Poll::Ready(());
        }
        cx.waker().wake_by_ref();
        Poll::Pending
    })
}

check_wait_for(wait_for)
