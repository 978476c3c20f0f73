// mistake: a throttle: after a burst's first value it sleeps `quiet` once, then emits the latest value received so far
// expect: is a throttle, not a debounce
async fn debounce(mut events: tokio::sync::mpsc::Receiver<u32>, quiet: Duration) -> Vec<u32> {
    let mut emitted = Vec::new();
    while let Some(mut latest) = events.recv().await {
        tokio::time::sleep(quiet).await; // let the burst settle
        while let Ok(newer) = events.try_recv() {
            latest = newer;
        }
        emitted.push(latest);
    }
    emitted
}

run_paused(check_debounce(debounce))
