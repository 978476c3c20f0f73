// mistake: times the creation of each sleep future with Bench::measure, never awaiting it
// expect: a median is below its request
fn sleep_curve(requests_ms: &[u64]) -> Vec<(f64, f64)> {
    run(async {
        let mut points = Vec::new();
        for &ms in requests_ms {
            let samples = Bench::new()
                .samples(10)
                .measure(|| tokio::time::sleep(Duration::from_millis(ms)))
                .expect("10 samples is not empty");
            points.push((ms as f64, samples.median().as_secs_f64() * 1e3));
        }
        points
    })
}

check_sleep_curve(sleep_curve, &requests_ms)
