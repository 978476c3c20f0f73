// mistake: silences the Unpin error with Pin::new_unchecked, then moves the polled future into a recursive call
// expect: the future moved between two polls
fn poll_to_completion<F: Future>(mut future: F, max_polls: u32) -> Option<(F::Output, u32)> {
    if max_polls == 0 {
        return None;
    }
    let mut cx = Context::from_waker(Waker::noop());
    // "SAFETY": the future is not moved while this Pin exists (but it is moved right after).
    match unsafe { Pin::new_unchecked(&mut future) }.poll(&mut cx) {
        Poll::Ready(output) => Some((output, 1)),
        Poll::Pending => poll_to_completion(future, max_polls - 1).map(|(output, polls)| (output, polls + 1)),
    }
}

check_poll_to_completion(poll_to_completion)
