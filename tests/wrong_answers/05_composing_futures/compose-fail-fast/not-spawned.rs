// mistake: fails fast with try_join_all, but polls every download inside its own task instead of spawning them
// expect: not spawned
async fn download_all(shards: Vec<Shard>) -> Result<Vec<u64>, String> {
    futures::future::try_join_all(shards.into_iter().map(download)).await
}

run_current_thread(check_download_all(download_all))
