// mistake: right when a mirror succeeds, but when all fail it returns an error of its own and loses the real one
// expect: return the last error to arrive
async fn first_success<F>(mirrors: Vec<F>) -> Result<&'static str, String>
where
    F: std::future::Future<Output = Result<&'static str, String>>,
{
    let mut pending: FuturesUnordered<F> = mirrors.into_iter().collect();
    while let Some(result) = pending.next().await {
        if let Ok(answer) = result {
            return Ok(answer);
        }
    }
    Err("every mirror failed".to_string())
}

run_current_thread(check_first_success(first_success))
