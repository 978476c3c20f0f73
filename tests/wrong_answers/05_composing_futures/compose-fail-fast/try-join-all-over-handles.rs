// mistake: try_join_all over the JoinHandles returns the first error at once, but leaves the other tasks running
// expect: kept running
async fn download_all(shards: Vec<Shard>) -> Result<Vec<u64>, String> {
    let handles = shards.into_iter().map(|shard| tokio::spawn(download(shard)));
    futures::future::try_join_all(handles.map(|handle| async move {
        handle.await.map_err(|e| e.to_string())?
    }))
    .await
}

run_current_thread(check_download_all(download_all))
