// mistake: accepts every connection at once and takes the permit inside the task, so the waiting ones hold sockets
// expect: connections were accepted and held open at once
async fn serve_limited(listener: CountedListener, limit: usize, shutdown: CancellationToken) {
    let permits = Arc::new(tokio::sync::Semaphore::new(limit));
    let connections = TaskTracker::new();
    loop {
        tokio::select! {
            _ = shutdown.cancelled() => break,
            accepted = listener.accept() => if let Ok((connection, _peer)) = accepted {
                let permits = permits.clone();
                connections.spawn(async move {
                    let _permit = permits.acquire().await.expect("the semaphore is never closed");
                    handle_counted(connection).await;
                });
            },
        }
    }
    connections.close();
    connections.wait().await;
}

run(check_limit(serve_limited))
