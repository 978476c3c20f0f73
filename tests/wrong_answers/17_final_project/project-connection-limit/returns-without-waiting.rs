// mistake: limits the connections correctly, but returns as soon as the loop stops, while connections are still served
// expect: returned while a connection was still being served
async fn serve_limited(listener: CountedListener, limit: usize, shutdown: CancellationToken) {
    let permits = Arc::new(tokio::sync::Semaphore::new(limit));
    loop {
        let permit = tokio::select! {
            _ = shutdown.cancelled() => break,
            permit = permits.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
        };
        tokio::select! {
            _ = shutdown.cancelled() => break,
            accepted = listener.accept() => if let Ok((connection, _peer)) = accepted {
                tokio::spawn(async move {
                    handle_counted(connection).await;
                    drop(permit);
                });
            },
        }
    }
}

run(check_limit(serve_limited))
