// mistake: spawns every sleeper and returns at once, without awaiting the JoinHandles
// expect: before any sleeper woke up
async fn wait_all(n: usize, each: Duration) -> Vec<usize> {
    let mut finished = Vec::new();
    for i in 0..n {
        tokio::spawn(nap(i, each));
        finished.push(i);
    }
    finished
}

run_current_thread(check_wait_all(wait_all))
