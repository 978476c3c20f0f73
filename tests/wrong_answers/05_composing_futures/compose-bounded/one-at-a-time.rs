// mistake: respects the limit by running the jobs one after another
// expect: only 1 job ran at a time
async fn process_all(items: Vec<u32>, gauge: Gauge) -> Vec<u32> {
    let mut results = Vec::new();
    for item in items {
        results.push(job(item, gauge.clone()).await);
    }
    results
}

run_current_thread(check_bounded(process_all))
