// mistake: gives a Pending future a second chance, polling it twice before answering None
// expect: the future was polled 2 times: poll it exactly once
fn now_or_never(mut future: BoxFuture<'static, u32>) -> Option<u32> {
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..2 {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return Some(output);
        }
    }
    None
}

check_now_or_never(now_or_never)
