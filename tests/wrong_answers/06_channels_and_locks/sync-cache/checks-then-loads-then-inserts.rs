// mistake: looks the key up, loads on a miss, then inserts a new cell: every request that missed at the same time loads
// expect: requests that missed at the same time each loaded
async fn get_or_load(cache: Arc<Cache>, key: &'static str, loads: Arc<AtomicUsize>) -> String {
    let known = cache.read().await.get(key).cloned();
    if let Some(value) = known.as_ref().and_then(|cell| cell.get()) {
        return value.clone();
    }
    let value = load(key, &loads).await;
    let cell = Arc::new(OnceCell::new_with(Some(value.clone())));
    cache.write().await.insert(key, cell);
    value
}

check_cache(get_or_load)
