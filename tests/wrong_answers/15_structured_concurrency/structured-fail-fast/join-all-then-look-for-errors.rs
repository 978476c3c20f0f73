// mistake: spawns into a JoinSet but waits for every job with join_all before looking for an error, so the failure at 30 ms is reported at 500 ms
// expect: the error came back after
async fn run_jobs(ids: Vec<u64>) -> Result<Vec<u64>, String> {
    let mut set = JoinSet::new();
    for id in ids {
        set.spawn(timed_job(id));
    }
    set.join_all().await.into_iter().collect()
}

check_fail_fast(run_jobs)
