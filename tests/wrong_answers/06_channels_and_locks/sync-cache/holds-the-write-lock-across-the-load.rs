// mistake: double-checks under the read lock, then loads while holding the cache-wide write guard, so other keys wait
// expect: a cache-wide lock was held during a load
async fn get_or_load(cache: Arc<Cache>, key: &'static str, loads: Arc<AtomicUsize>) -> String {
    if let Some(value) = cache.read().await.get(key).and_then(|cell| cell.get()) {
        return value.clone();
    }
    let mut writable = cache.write().await;
    let cell = writable.entry(key).or_default().clone();
    let value = cell.get_or_init(|| load(key, &loads)).await.clone(); // `writable` is still held
    value
}

check_cache(get_or_load)
