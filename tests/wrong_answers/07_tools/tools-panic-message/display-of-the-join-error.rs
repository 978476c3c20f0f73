// mistake: uses the JoinError's Display, which wraps the message in "task N panicked with message \"..\""
// expect: that is JoinError's Display
fn failure_reason(error: tokio::task::JoinError) -> String {
    if error.is_cancelled() {
        return "cancelled".to_string();
    }
    error.to_string()
}

check_failure_reason(failure_reason)
