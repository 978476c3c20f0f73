// mistake: takes a semaphore permit with `let _ = ..`, which drops it at once, so nothing is bounded
// expect: drops it at once
async fn process_all(items: Vec<u32>, gauge: Gauge) -> Vec<u32> {
    let permits = Arc::new(tokio::sync::Semaphore::new(4));
    let mut set = tokio::task::JoinSet::new();
    for item in items {
        let permits = permits.clone();
        let gauge = gauge.clone();
        set.spawn(async move {
            let _ = permits.acquire().await.expect("the semaphore is never closed");
            job(item, gauge).await
        });
    }
    let mut results = Vec::new();
    while let Some(result) = set.join_next().await {
        results.push(result.expect("no panic"));
    }
    results
}

run_current_thread(check_bounded(process_all))
