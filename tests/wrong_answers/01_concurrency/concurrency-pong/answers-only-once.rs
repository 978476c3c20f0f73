// mistake: receives and answers a single number instead of looping
// expect: not just the first one
async fn pong(mut from_ping: Receiver<u64>, to_ping: Sender<u64>) {
    if let Some(v) = from_ping.recv().await {
        let _ = to_ping.send(v + 1).await;
    }
}

run(check_pong(pong))
