// mistake: takes a permit before accepting but keeps it in the loop, so it is given back at once and limits nothing
// expect: connections were served at once, the limit is 3
async fn serve_limited(listener: CountedListener, limit: usize, shutdown: CancellationToken) {
    let permits = tokio::sync::Semaphore::new(limit);
    let connections = TaskTracker::new();
    loop {
        let _permit = tokio::select! {
            _ = shutdown.cancelled() => break,
            permit = permits.acquire() => permit.expect("the semaphore is never closed"),
        };
        tokio::select! {
            _ = shutdown.cancelled() => break,
            accepted = listener.accept() => if let Ok((connection, _peer)) = accepted {
                connections.spawn(handle_counted(connection));
            },
        }
    }
    connections.close();
    connections.wait().await;
}

run(check_limit(serve_limited))
