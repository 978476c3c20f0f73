// mistake: computes the new balances under the lock, releases it for the audit write, then writes the (now stale) balances back
// expect: one overwrote the other's update
async fn transfer(accounts: Arc<tokio::sync::Mutex<Accounts>>, amount: i64) {
    let (alice, bob) = {
        let guard = accounts.lock().await;
        (guard.alice - amount, guard.bob + amount)
    }; // no lock held across the .await
    audit_write(amount).await;
    let mut guard = accounts.lock().await;
    guard.alice = alice;
    guard.bob = bob;
}

check_transfer(transfer)
