// mistake: keeps the item and retries `try_send` on each tick: nothing is lost, but an item waits for the next tick instead of going out as soon as there is room
// expect: an item went out only when the next tick came round
async fn forward(items: Vec<String>, tx: mpsc::Sender<String>, period: Duration) -> usize {
    let mut ticker = tokio::time::interval(period);
    let mut ticks = 0;
    let mut items = items.into_iter();
    let mut next = items.next();
    for _ in 0..10_000 {
        let Some(item) = next.take() else { break };
        match tx.try_send(item) {
            Ok(()) => next = items.next(),
            Err(mpsc::error::TrySendError::Full(item)) => {
                next = Some(item); // no room yet: keep it, try again after the next tick
                ticker.tick().await;
                ticks += 1;
            }
            Err(mpsc::error::TrySendError::Closed(_)) => break,
        }
    }
    ticks
}

check_forward(forward)
