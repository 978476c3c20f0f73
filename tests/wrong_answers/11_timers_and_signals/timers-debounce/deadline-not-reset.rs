// mistake: pins one quiet-period sleep when a burst starts and never resets it, so a long burst is cut into pieces
// expect: is a throttle, not a debounce
async fn debounce(mut events: tokio::sync::mpsc::Receiver<u32>, quiet: Duration) -> Vec<u32> {
    let mut emitted = Vec::new();
    while let Some(first) = events.recv().await {
        let mut latest = first;
        let settled = tokio::time::sleep(quiet);
        tokio::pin!(settled);
        loop {
            tokio::select! {
                newer = events.recv() => match newer {
                    Some(value) => latest = value,
                    None => break,
                },
                _ = &mut settled => break,
            }
        }
        emitted.push(latest);
    }
    emitted
}

run_paused(check_debounce(debounce))
