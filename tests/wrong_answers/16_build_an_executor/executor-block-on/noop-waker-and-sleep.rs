// mistake: keeps the no-op waker and sleeps a guessed 10 ms between polls instead of parking
// expect: did not unpark the thread that called block_on
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        thread::sleep(Duration::from_millis(10));
    }
}

check_block_on(block_on)
