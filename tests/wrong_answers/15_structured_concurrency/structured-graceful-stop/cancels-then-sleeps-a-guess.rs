// mistake: cancels the token, then sleeps a guessed 20 ms "for the workers to flush" instead of waiting for them
// expect: the sleep after cancel() was a guess
async fn run_service(workers: usize, run_for: Duration, flushes: Flushes) {
    let token = CancellationToken::new();
    for _ in 0..workers {
        tokio::spawn(flushing_worker(token.clone(), flushes.clone()));
    }
    tokio::time::sleep(run_for).await;
    token.cancel();
    tokio::time::sleep(Duration::from_millis(20)).await; // long enough to flush, hopefully
}

check_graceful_stop(run_service)
