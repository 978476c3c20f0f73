// mistake: stops the spans from nesting with parent: None but still holds the entered guard across .await
// expect: was printed inside another request's span
async fn handle_request(id: u32, wait_ms: u64) {
    let span = info_span!(parent: None, "request", id);
    let _guard = span.enter();
    info!("received {id}");
    tokio::time::sleep(Duration::from_millis(wait_ms)).await;
    info!("answered {id}");
}

check_instrument(handle_request)
