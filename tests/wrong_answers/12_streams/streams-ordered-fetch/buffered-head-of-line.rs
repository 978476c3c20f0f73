// mistake: buffered(4) keeps the order, but the slow first lookup holds the finished ones and their slots
// expect: buffered(4) holds finished answers
async fn fetch_all(ids: Vec<u32>, service: Service) -> Vec<String> {
    stream::iter(ids)
        .map(|id| {
            let service = service.clone();
            async move { service.lookup(id).await }
        })
        .buffered(4)
        .collect()
        .await
}

check_ordered_fetch(fetch_all)
