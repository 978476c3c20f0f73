// mistake: registers the waker on the first poll only, so a later poll's new waker is never the one woken
// expect: woke the waker of the first poll, not of the latest
fn wait_for(signal: Arc<Signal>) -> impl Future<Output = ()> {
    let mut registered = false;
    std::future::poll_fn(move |cx| {
        if !registered {
            signal.register(cx.waker());
            registered = true;
        }
        if signal.is_set() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
}

check_wait_for(wait_for)
