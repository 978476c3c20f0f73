// mistake: takes a single nap and reports every sleeper as finished (the total time looks right)
// expect: not one sleep that stands for all of them
async fn wait_all(n: usize, each: Duration) -> Vec<usize> {
    // They all sleep for the same time, so one nap should do.
    nap(0, each).await;
    (0..n).collect()
}

run_current_thread(check_wait_all(wait_all))
