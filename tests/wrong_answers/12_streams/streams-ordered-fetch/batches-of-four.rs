// mistake: runs the lookups in batches of 4 with join_all, so each batch waits for its slowest lookup
// expect: batches of 4 wait for each
async fn fetch_all(ids: Vec<u32>, service: Service) -> Vec<String> {
    let mut answers = Vec::new();
    for batch in ids.chunks(4) {
        let lookups = batch.iter().map(|&id| {
            let service = service.clone();
            async move { service.lookup(id).await }
        });
        answers.extend(futures::future::join_all(lookups).await);
    }
    answers
}

check_ordered_fetch(fetch_all)
