// mistake: returns at the first error, but awaits the handles in input order, so a failure waits for the shards before it
// expect: checked the results in shard order
async fn download_all(shards: Vec<Shard>) -> Result<Vec<u64>, String> {
    let handles: Vec<_> = shards.into_iter().map(|shard| tokio::spawn(download(shard))).collect();
    let mut sizes = Vec::new();
    for handle in handles {
        sizes.push(handle.await.map_err(|e| e.to_string())??);
    }
    Ok(sizes)
}

run_current_thread(check_download_all(download_all))
