// mistake: asks every mirror at once with join_all, but waits for all of them before picking an Ok
// expect: as long as the slowest mirror
async fn first_success<F>(mirrors: Vec<F>) -> Result<&'static str, String>
where
    F: std::future::Future<Output = Result<&'static str, String>>,
{
    let mut last_error = Err("no mirrors".to_string());
    for result in futures::future::join_all(mirrors).await {
        match result {
            Ok(answer) => return Ok(answer),
            Err(e) => last_error = Err(e),
        }
    }
    last_error
}

run_current_thread(check_first_success(first_success))
