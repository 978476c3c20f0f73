// mistake: turns every JoinError into "panicked", so the aborted task is reported as a panic
// expect: not Err("cancelled")
async fn collect_results(handles: Vec<JoinHandle<i64>>) -> Vec<Result<i64, String>> {
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.map_err(|_| "panicked".to_string()));
    }
    results
}

run_current_thread(check_collect_results(collect_results))
