// mistake: invents plausible points (request + 1 ms) instead of measuring any sleep
// expect: the points were made up
fn sleep_curve(requests_ms: &[u64]) -> Vec<(f64, f64)> {
    // "a sleep overshoots by about a millisecond", so...
    requests_ms.iter().map(|&ms| (ms as f64, ms as f64 + 1.0)).collect()
}

check_sleep_curve(sleep_curve, &requests_ms)
