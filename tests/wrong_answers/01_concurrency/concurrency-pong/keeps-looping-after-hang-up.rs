// mistake: loops forever, skipping the None that says ping hung up, so pong never returns
// expect: return instead of looping again
async fn pong(mut from_ping: Receiver<u64>, to_ping: Sender<u64>) {
    loop {
        if let Some(v) = from_ping.recv().await {
            let _ = to_ping.send(v + 1).await;
        }
    }
}

run(check_pong(pong))
