// mistake: locks in id order, then debits the account locked first instead of `from`
// expect: but still debit `from` and credit `to`
async fn transfer(from: Arc<Account>, to: Arc<Account>, amount: i64) {
    let (first, second) = if from.id < to.id { (&from, &to) } else { (&to, &from) };
    let mut first_balance = first.balance.lock().await;
    write_log(&from).await;
    let mut second_balance = second.balance.lock().await;
    *first_balance -= amount;
    *second_balance += amount;
}

check_transfers(transfer)
