// mistake: writes the audit record first and only then waits for the lock, so a transfer cancelled while waiting leaves a record of money that never moved
// expect: left an audit record
async fn transfer(accounts: Arc<tokio::sync::Mutex<Accounts>>, amount: i64) {
    audit_write(amount).await;
    let mut guard = accounts.lock().await;
    guard.alice -= amount;
    guard.bob += amount;
}

check_transfer(transfer)
