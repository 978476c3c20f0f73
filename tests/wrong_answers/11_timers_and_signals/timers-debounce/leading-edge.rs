// mistake: emits the first value of each burst and ignores the rest (a leading-edge filter)
// expect: the first value of each burst
async fn debounce(mut events: tokio::sync::mpsc::Receiver<u32>, quiet: Duration) -> Vec<u32> {
    let mut emitted = Vec::new();
    let mut last_event: Option<tokio::time::Instant> = None;
    while let Some(value) = events.recv().await {
        let now = tokio::time::Instant::now();
        if last_event.map_or(true, |at| now - at >= quiet) {
            emitted.push(value);
        }
        last_event = Some(now);
    }
    emitted
}

run_paused(check_debounce(debounce))
