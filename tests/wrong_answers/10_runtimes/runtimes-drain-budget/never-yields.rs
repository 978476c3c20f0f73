// mistake: trusts the .await on the channel to yield, but a futures channel with messages ready never returns Pending
// expect: a futures channel with a message ready never returns Pending
async fn drain(mut rx: futures::channel::mpsc::UnboundedReceiver<u64>) -> u64 {
    use futures::StreamExt;
    let mut sum = 0;
    while let Some(n) = rx.next().await {
        sum += n;
    }
    sum
}

run_current_thread(check_drain(drain))
