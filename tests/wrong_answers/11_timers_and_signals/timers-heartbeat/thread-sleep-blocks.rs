// mistake: paces the beats with std::thread::sleep, blocking the runtime's thread
// expect: std::thread::sleep blocks the thread
async fn heartbeat(period: Duration, beats: usize, out: Beats) {
    for _ in 0..beats {
        out.send().await;
        std::thread::sleep(period);
    }
}

run_paused(check_heartbeat(heartbeat))
