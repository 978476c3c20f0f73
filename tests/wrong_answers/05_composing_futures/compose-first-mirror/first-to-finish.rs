// mistake: races the mirrors but returns the first one to finish, even when it failed
// expect: first mirror to finish
async fn first_success<F>(mirrors: Vec<F>) -> Result<&'static str, String>
where
    F: std::future::Future<Output = Result<&'static str, String>>,
{
    let mut pending: FuturesUnordered<F> = mirrors.into_iter().collect();
    pending.next().await.unwrap_or_else(|| Err("no mirrors".to_string()))
}

run_current_thread(check_first_success(first_success))
