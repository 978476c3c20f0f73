// mistake: downcasts the payload to String only, so a literal panic!("disk full") (a &'static str) is not recognised
// expect: a literal panic message is stored as a &'static str
fn failure_reason(error: tokio::task::JoinError) -> String {
    if error.is_cancelled() {
        return "cancelled".to_string();
    }
    match error.into_panic().downcast::<String>() {
        Ok(message) => *message,
        Err(_) => "panic with a non-string payload".to_string(),
    }
}

check_failure_reason(failure_reason)
