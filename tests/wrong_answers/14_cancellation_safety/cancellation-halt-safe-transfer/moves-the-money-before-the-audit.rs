// mistake: debits and credits under one lock, then awaits the audit: the total stays 100, but a cancelled transfer has still moved the money
// expect: the cancelled transfers still moved the money
async fn transfer(accounts: Accounts, amount: i64) {
    {
        let mut balances = accounts.lock().unwrap();
        balances[0] -= amount;
        balances[1] += amount;
    } // the guard is dropped here, before the .await
    audit(amount).await;
}

check_transfer(transfer)
