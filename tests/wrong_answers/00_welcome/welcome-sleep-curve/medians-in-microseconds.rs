// mistake: measures correctly but reports the medians in microseconds (as_micros) instead of milliseconds
// expect: give the median in milliseconds
fn sleep_curve(requests_ms: &[u64]) -> Vec<(f64, f64)> {
    run(async {
        let mut points = Vec::new();
        for &ms in requests_ms {
            let samples = Bench::new()
                .samples(10)
                .measure_async(|| tokio::time::sleep(Duration::from_millis(ms)))
                .await
                .expect("10 samples is not empty");
            points.push((ms as f64, samples.median().as_micros() as f64));
        }
        points
    })
}

check_sleep_curve(sleep_curve, &requests_ms)
