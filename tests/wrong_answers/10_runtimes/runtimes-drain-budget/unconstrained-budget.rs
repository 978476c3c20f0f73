// mistake: spends budget per message, but inside tokio::task::coop::unconstrained, which switches the budget off
// expect: and not inside tokio::task::coop::unconstrained, which switches the budget off
async fn drain(mut rx: futures::channel::mpsc::UnboundedReceiver<u64>) -> u64 {
    use futures::StreamExt;
    tokio::task::coop::unconstrained(async move {
        let mut sum = 0;
        while let Some(n) = rx.next().await {
            sum += n;
            tokio::task::coop::consume_budget().await;
        }
        sum
    })
    .await
}

run_current_thread(check_drain(drain))
