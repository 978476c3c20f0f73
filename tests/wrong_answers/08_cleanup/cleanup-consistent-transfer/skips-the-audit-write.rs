// mistake: makes the transfer uncancellable by dropping the audit write altogether
// expect: the audit write (100 ms) was skipped
async fn transfer(accounts: Arc<tokio::sync::Mutex<Accounts>>, amount: i64) {
    let mut guard = accounts.lock().await;
    guard.alice -= amount;
    guard.bob += amount;
}

check_transfer(transfer)
