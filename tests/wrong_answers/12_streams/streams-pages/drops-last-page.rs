// mistake: stops as soon as a page has no next page, without yielding that last page's items
// expect: the last page's items (8..12) are missing
fn all_items(api: PagedApi) -> impl Stream<Item = u32> {
    async_stream::stream! {
        let mut fetched = api.fetch(0).await;
        while let Some(next) = fetched.next {
            for item in fetched.items {
                yield item;
            }
            fetched = api.fetch(next).await;
        }
    }
}

run_current_thread(check_pages(all_items))
