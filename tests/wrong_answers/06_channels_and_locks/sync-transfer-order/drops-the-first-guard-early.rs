// mistake: avoids the deadlock by releasing the first lock before taking the second, so the debit is visible without the credit
// expect: a transfer released one lock before taking the other
async fn transfer(from: Arc<Account>, to: Arc<Account>, amount: i64) {
    {
        let mut from_balance = from.balance.lock().await;
        *from_balance -= amount;
    } // first guard dropped here: no lock is held across the .await
    write_log(&from).await;
    let mut to_balance = to.balance.lock().await;
    *to_balance += amount;
}

check_transfers(transfer)
