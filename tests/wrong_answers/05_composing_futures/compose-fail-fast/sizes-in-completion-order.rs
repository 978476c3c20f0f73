// mistake: fails fast with a JoinSet, but collects the sizes in the order the downloads finished
// expect: in the order the downloads finished
async fn download_all(shards: Vec<Shard>) -> Result<Vec<u64>, String> {
    let mut set = tokio::task::JoinSet::new();
    for shard in shards {
        set.spawn(download(shard));
    }
    let mut sizes = Vec::new();
    while let Some(joined) = set.join_next().await {
        sizes.push(joined.map_err(|e| e.to_string())??);
    }
    Ok(sizes)
}

run_current_thread(check_download_all(download_all))
