// mistake: unwraps recv(), so pong panics when ping hangs up and recv() returns None
// expect: instead of unwrapping
async fn pong(mut from_ping: Receiver<u64>, to_ping: Sender<u64>) {
    loop {
        let v = from_ping.recv().await.unwrap();
        to_ping.send(v + 1).await.unwrap();
    }
}

run(check_pong(pong))
