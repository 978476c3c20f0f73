// mistake: buffer_unordered(4) is fast, but the answers are returned in completion order
// expect: completion order
async fn fetch_all(ids: Vec<u32>, service: Service) -> Vec<String> {
    stream::iter(ids)
        .map(|id| {
            let service = service.clone();
            async move { service.lookup(id).await }
        })
        .buffer_unordered(4)
        .collect()
        .await
}

check_ordered_fetch(fetch_all)
