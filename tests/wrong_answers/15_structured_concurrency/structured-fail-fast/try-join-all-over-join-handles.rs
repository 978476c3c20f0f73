// mistake: spawns the jobs and fails fast with try_join_all over their JoinHandles: the error comes back at 30 ms, but returning drops the handles, which detaches the other jobs
// expect: dropping a JoinHandle detaches its task
async fn run_jobs(ids: Vec<u64>) -> Result<Vec<u64>, String> {
    let handles = ids.into_iter().map(|id| {
        let handle = tokio::spawn(timed_job(id));
        async move { handle.await.map_err(|e| e.to_string())? }
    });
    futures::future::try_join_all(handles).await
}

check_fail_fast(run_jobs)
