// mistake: replaces the guard with a bare #[tracing::instrument], whose span is named after the function and records wait_ms
// expect: names the span after the function
#[tracing::instrument]
async fn handle_request(id: u32, wait_ms: u64) {
    info!("received {id}");
    tokio::time::sleep(Duration::from_millis(wait_ms)).await;
    info!("answered {id}");
}

check_instrument(handle_request)
