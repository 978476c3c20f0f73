// mistake: spawns each sleeper but awaits its handle straight away, so the naps are still one after another
// expect: the naps ran one after another
async fn wait_all(n: usize, each: Duration) -> Vec<usize> {
    let mut finished = Vec::new();
    for i in 0..n {
        let handle = tokio::spawn(async move {
            nap(i, each).await;
            i
        });
        finished.push(handle.await.expect("the sleeper did not panic"));
    }
    finished
}

run_current_thread(check_wait_all(wait_all))
