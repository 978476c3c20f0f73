// mistake: attaches the span to the sleep only, so the two info! lines run outside it
// expect: was printed outside any span
async fn handle_request(id: u32, wait_ms: u64) {
    info!("received {id}");
    tokio::time::sleep(Duration::from_millis(wait_ms))
        .instrument(info_span!("request", id))
        .await;
    info!("answered {id}");
}

check_instrument(handle_request)
