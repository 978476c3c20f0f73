// mistake: creates Tokio sleeps outside any runtime (no run(..)), which panics
// expect: A Tokio sleep needs a runtime
fn sleep_curve(requests_ms: &[u64]) -> Vec<(f64, f64)> {
    let mut points = Vec::new();
    for &ms in requests_ms {
        let samples = Bench::new()
            .samples(10)
            .measure(|| tokio::time::sleep(Duration::from_millis(ms)))
            .expect("10 samples is not empty");
        points.push((ms as f64, samples.median().as_secs_f64() * 1e3));
    }
    points
}

check_sleep_curve(sleep_curve, &requests_ms)
