// mistake: lazy, but fetches the page again for every item instead of keeping its items
// expect: not once per item
fn all_items(api: PagedApi) -> impl Stream<Item = u32> {
    stream::unfold(Some((0u32, 0usize)), move |position| {
        let api = api.clone();
        async move {
            let (page, index) = position?;
            let fetched = api.fetch(page).await;
            let item = fetched.items[index];
            let next = if index + 1 < fetched.items.len() {
                Some((page, index + 1))
            } else {
                fetched.next.map(|number| (number, 0))
            };
            Some((item, next))
        }
    })
}

run_current_thread(check_pages(all_items))
