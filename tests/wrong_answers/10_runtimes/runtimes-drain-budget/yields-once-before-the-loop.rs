// mistake: yields once before the loop to "let the others run", then drains everything in one poll
// expect: a futures channel with a message ready never returns Pending
async fn drain(mut rx: futures::channel::mpsc::UnboundedReceiver<u64>) -> u64 {
    use futures::StreamExt;
    tokio::task::yield_now().await;
    let mut sum = 0;
    while let Some(n) = rx.next().await {
        sum += n;
    }
    sum
}

run_current_thread(check_drain(drain))
