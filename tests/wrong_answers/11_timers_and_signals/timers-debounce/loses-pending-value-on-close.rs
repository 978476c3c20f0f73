// mistake: restarts the quiet wait correctly but drops the value still waiting when the channel closes
// expect: when the channel closed
async fn debounce(mut events: tokio::sync::mpsc::Receiver<u32>, quiet: Duration) -> Vec<u32> {
    let mut emitted = Vec::new();
    let mut pending: Option<u32> = None;
    loop {
        match pending {
            None => match events.recv().await {
                Some(value) => pending = Some(value),
                None => break,
            },
            Some(value) => match tokio::time::timeout(quiet, events.recv()).await {
                Ok(Some(newer)) => pending = Some(newer),
                Ok(None) => break,
                Err(_quiet_enough) => {
                    emitted.push(value);
                    pending = None;
                }
            },
        }
    }
    emitted
}

run_paused(check_debounce(debounce))
