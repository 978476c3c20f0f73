// mistake: a spawned producer task sends the items into a channel, and fetches the next page while the channel has room
// expect: fetched before the consumer asked for any of its items
fn all_items(api: PagedApi) -> impl Stream<Item = u32> {
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    tokio::spawn(async move {
        let mut page = Some(0);
        while let Some(number) = page {
            let fetched = api.fetch(number).await;
            for item in fetched.items {
                if tx.send(item).await.is_err() {
                    return; // the consumer is gone
                }
            }
            page = fetched.next;
        }
    });
    tokio_stream::wrappers::ReceiverStream::new(rx)
}

run_current_thread(check_pages(all_items))
