// mistake: sidesteps pinning with an `F: Unpin` bound and `Pin::new`, which only works for futures that may move
// expect compile error: required because it appears within the type `Suspending`
fn poll_to_completion<F: Future + Unpin>(mut future: F, max_polls: u32) -> Option<(F::Output, u32)> {
    let mut cx = Context::from_waker(Waker::noop());
    for polls in 1..=max_polls {
        if let Poll::Ready(output) = Pin::new(&mut future).poll(&mut cx) {
            return Some((output, polls));
        }
    }
    None
}

check_poll_to_completion(poll_to_completion)
