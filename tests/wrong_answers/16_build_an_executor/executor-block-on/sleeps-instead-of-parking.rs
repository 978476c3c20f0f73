// mistake: builds the unparking waker, but sleeps a guessed 5 ms between polls instead of parking
// expect: without being woken since the previous poll
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let waker = Waker::from(Arc::new(ThreadWaker { thread: thread::current(), wakes: AtomicUsize::new(0) }));
    let mut cx = Context::from_waker(&waker);
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(output) => return output,
            Poll::Pending => thread::sleep(Duration::from_millis(5)),
        }
    }
}

check_block_on(block_on)
