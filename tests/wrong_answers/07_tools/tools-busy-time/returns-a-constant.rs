// mistake: returns a fixed 50 ms that happens to fall inside the old check's bounds, measuring nothing
// expect: a fixed duration is not a measurement
async fn busy_time<F: std::future::Future>(future: F) -> (F::Output, Duration) {
    let output = future.await;
    (output, Duration::from_millis(50))
}

check_busy_time(busy_time)
