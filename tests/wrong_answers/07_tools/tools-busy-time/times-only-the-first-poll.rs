// mistake: times the first poll by hand and then awaits the rest untimed
// expect: add up the time of every poll
async fn busy_time<F: std::future::Future>(future: F) -> (F::Output, Duration) {
    let mut future = std::pin::pin!(future);
    let start = Instant::now();
    let first = std::future::poll_fn(|cx| std::task::Poll::Ready(future.as_mut().poll(cx))).await;
    let busy = start.elapsed();
    let output = match first {
        std::task::Poll::Ready(output) => output,
        std::task::Poll::Pending => future.await,
    };
    (output, busy)
}

check_busy_time(busy_time)
