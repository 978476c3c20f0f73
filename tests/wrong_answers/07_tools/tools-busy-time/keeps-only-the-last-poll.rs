// mistake: times each poll but assigns (busy = ...) instead of adding, so only the last poll counts
// expect: add up the time of every poll
async fn busy_time<F: std::future::Future>(future: F) -> (F::Output, Duration) {
    let mut future = std::pin::pin!(future);
    let mut busy = Duration::ZERO;
    let output = std::future::poll_fn(|cx| {
        let start = Instant::now();
        let poll = future.as_mut().poll(cx);
        busy = start.elapsed();
        poll
    })
    .await;
    (output, busy)
}

check_busy_time(busy_time)
