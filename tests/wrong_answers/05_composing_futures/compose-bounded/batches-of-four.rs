// mistake: runs the jobs in batches of 4, so each batch waits for its slowest job before the next starts
// expect: batch by batch
async fn process_all(items: Vec<u32>, gauge: Gauge) -> Vec<u32> {
    let mut results = Vec::new();
    for batch in items.chunks(4) {
        let jobs = batch.iter().map(|&item| job(item, gauge.clone()));
        results.extend(futures::future::join_all(jobs).await);
    }
    results
}

run_current_thread(check_bounded(process_all))
