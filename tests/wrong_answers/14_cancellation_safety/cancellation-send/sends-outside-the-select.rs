// mistake: removes the select! and awaits each send in a plain loop: nothing is lost, but the housekeeping timer never runs
// expect: the timer never ticked
async fn forward(items: Vec<String>, tx: mpsc::Sender<String>, period: Duration) -> usize {
    let _ = period; // no timer, so nothing can cancel the send any more
    for item in items {
        if tx.send(item).await.is_err() {
            break; // the consumer is gone
        }
    }
    0 // no ticks
}

check_forward(forward)
