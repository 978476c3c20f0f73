// mistake: unwraps each awaited JoinHandle, so a task's panic (or cancellation) becomes a panic of collect_results
// expect: collect_results itself panicked
async fn collect_results(handles: Vec<JoinHandle<i64>>) -> Vec<Result<i64, String>> {
    let mut results = Vec::new();
    for handle in handles {
        results.push(Ok(handle.await.unwrap()));
    }
    results
}

run_current_thread(check_collect_results(collect_results))
