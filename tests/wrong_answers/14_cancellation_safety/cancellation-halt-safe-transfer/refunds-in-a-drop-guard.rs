// mistake: debits first and refunds in a Drop guard if the transfer is cancelled: the end state is right, but during the audit the money is in neither account
// expect: the money was in neither account
async fn transfer(accounts: Accounts, amount: i64) {
    /// Puts the money back if the transfer is dropped before it credits.
    struct Refund {
        accounts: Accounts,
        amount: i64,
        armed: bool,
    }
    impl Drop for Refund {
        fn drop(&mut self) {
            if self.armed {
                self.accounts.lock().unwrap()[0] += self.amount;
            }
        }
    }
    accounts.lock().unwrap()[0] -= amount;
    let mut refund = Refund { accounts: accounts.clone(), amount, armed: true };
    audit(amount).await;
    accounts.lock().unwrap()[1] += amount;
    refund.armed = false;
}

check_transfer(transfer)
