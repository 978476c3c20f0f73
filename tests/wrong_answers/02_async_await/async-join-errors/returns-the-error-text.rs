// mistake: returns the JoinError's own text ("task 7 panicked with message ...") instead of the two words asked for
// expect: not the JoinError's own text
async fn collect_results(handles: Vec<JoinHandle<i64>>) -> Vec<Result<i64, String>> {
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.map_err(|e| e.to_string()));
    }
    results
}

run_current_thread(check_collect_results(collect_results))
