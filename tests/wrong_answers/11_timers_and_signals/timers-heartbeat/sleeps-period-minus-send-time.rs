// mistake: subtracts a guessed send time (3 ms) from the sleep after each send
// expect: a sleep of a guessed length
async fn heartbeat(period: Duration, beats: usize, out: Beats) {
    for _ in 0..beats {
        out.send().await;
        tokio::time::sleep(period - Duration::from_millis(3)).await; // a send takes 3 ms
    }
}

run_paused(check_heartbeat(heartbeat))
