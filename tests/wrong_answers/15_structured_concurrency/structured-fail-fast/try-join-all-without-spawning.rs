// mistake: joins the jobs in place with futures::future::try_join_all: fail-fast and nothing left behind, but no job is a task, so none can run in parallel
// expect: polled inside run_jobs's own future
async fn run_jobs(ids: Vec<u64>) -> Result<Vec<u64>, String> {
    futures::future::try_join_all(ids.into_iter().map(timed_job)).await
}

check_fail_fast(run_jobs)
