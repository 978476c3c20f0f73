// mistake: calls into_panic() without asking is_cancelled() first, which panics on an aborted task's error
// expect: check is_cancelled() first
fn failure_reason(error: tokio::task::JoinError) -> String {
    let payload = error.into_panic();
    if let Some(message) = payload.downcast_ref::<&'static str>() {
        message.to_string()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        "panic with a non-string payload".to_string()
    }
}

check_failure_reason(failure_reason)
