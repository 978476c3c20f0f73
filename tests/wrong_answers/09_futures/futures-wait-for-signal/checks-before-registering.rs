// mistake: checks is_set() and only then registers the waker, so a set() in between wakes nobody (a lost wake-up)
// expect: a lost wake-up: the setter ran right after your future read is_set() as false
fn wait_for(signal: Arc<Signal>) -> impl Future<Output = ()> {
    std::future::poll_fn(move |cx| {
        if signal.is_set() {
            return Poll::Ready(());
        }
        signal.register(cx.waker());
        Poll::Pending
    })
}

check_wait_for(wait_for)
