// mistake: deletes the log write between the two locks, which hides the deadlock on one thread instead of fixing the order
// expect: removing the .await only hides the deadlock
async fn transfer(from: Arc<Account>, to: Arc<Account>, amount: i64) {
    let mut from_balance = from.balance.lock().await;
    let mut to_balance = to.balance.lock().await;
    *from_balance -= amount;
    *to_balance += amount;
}

check_transfers(transfer)
