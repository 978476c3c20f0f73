// mistake: starts every lookup at once with join_all, ignoring the service's limit of 4
// expect: the service allows 4
async fn fetch_all(ids: Vec<u32>, service: Service) -> Vec<String> {
    futures::future::join_all(ids.into_iter().map(|id| {
        let service = service.clone();
        async move { service.lookup(id).await }
    }))
    .await
}

check_ordered_fetch(fetch_all)
