// mistake: counts the polls from 0, so the poll that returned Ready is not counted
// expect: count every poll, the one that returned Ready included
fn poll_to_completion<F: Future>(future: F, max_polls: u32) -> Option<(F::Output, u32)> {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    for polls in 0..max_polls {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return Some((output, polls));
        }
    }
    None
}

check_poll_to_completion(poll_to_completion)
