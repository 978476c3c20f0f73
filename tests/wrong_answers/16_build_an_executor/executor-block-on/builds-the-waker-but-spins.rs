// mistake: builds the unparking waker, but still loops with yield_now instead of parking
// expect: without being woken since the previous poll
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let waker = Waker::from(Arc::new(ThreadWaker { thread: thread::current(), wakes: AtomicUsize::new(0) }));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        thread::yield_now();
    }
}

check_block_on(block_on)
