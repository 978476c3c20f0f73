// mistake: uses an interval but awaits the tick after the send, so the immediate first tick makes two beats back to back
// expect: first tick completes at once
async fn heartbeat(period: Duration, beats: usize, out: Beats) {
    let mut ticks = tokio::time::interval(period);
    for _ in 0..beats {
        out.send().await;
        ticks.tick().await;
    }
}

run_paused(check_heartbeat(heartbeat))
