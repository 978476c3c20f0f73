// mistake: polls in a loop with a no-op waker until the future is ready, which is waiting (and spinning), not asking once
// expect: it waited until the future finished
fn now_or_never(mut future: BoxFuture<'static, u32>) -> Option<u32> {
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return Some(output);
        }
    }
}

check_now_or_never(now_or_never)
