// mistake: waits with `tx.reserve()`, but takes each item out of the iterator before the select!, so the item is dropped when the tick wins
// expect: or because the loop moved on to the next one
async fn forward(items: Vec<String>, tx: mpsc::Sender<String>, period: Duration) -> usize {
    let mut ticker = tokio::time::interval(period);
    let mut ticks = 0;
    for item in items {
        tokio::select! {
            permit = tx.reserve() => permit.expect("the consumer is alive").send(item),
            _ = ticker.tick() => ticks += 1,
        }
    }
    ticks
}

check_forward(forward)
