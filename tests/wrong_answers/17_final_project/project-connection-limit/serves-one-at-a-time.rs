// mistake: awaits each connection's handler inside the accept loop, so it serves one connection at a time
// expect: only one connection at a time
async fn serve_limited(listener: CountedListener, limit: usize, shutdown: CancellationToken) {
    let _ = limit; // one at a time is certainly within the limit
    loop {
        tokio::select! {
            _ = shutdown.cancelled() => break,
            accepted = listener.accept() => if let Ok((connection, _peer)) = accepted {
                handle_counted(connection).await;
            },
        }
    }
}

run(check_limit(serve_limited))
