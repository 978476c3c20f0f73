// mistake: takes the lock first and holds the std MutexGuard across the audit's .await, so a cancelled transfer changes nothing but every other reader is locked out for 10 ms
// expect: the Mutex guard was held across the
async fn transfer(accounts: Accounts, amount: i64) {
    let mut balances = accounts.lock().unwrap();
    audit(amount).await; // cancelled here: the guard is dropped, nothing has changed
    balances[0] -= amount;
    balances[1] += amount;
}

check_transfer(transfer)
