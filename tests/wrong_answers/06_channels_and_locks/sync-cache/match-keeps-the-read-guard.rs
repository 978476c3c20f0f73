// mistake: matches on cache.read().await.get(key), so the read guard is still alive when the miss arm asks for the write lock
// expect: a task asked for the write lock while its own read guard was alive
async fn get_or_load(cache: Arc<Cache>, key: &'static str, loads: Arc<AtomicUsize>) -> String {
    let cell = match cache.read().await.get(key) {
        Some(cell) => cell.clone(),
        None => cache.write().await.entry(key).or_default().clone(),
    };
    cell.get_or_init(|| load(key, &loads)).await.clone()
}

check_cache(get_or_load)
