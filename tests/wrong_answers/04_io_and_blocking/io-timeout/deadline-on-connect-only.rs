// mistake: puts the deadline on connect only; a server that accepts and never answers still hangs the read
// expect: cover the whole exchange
async fn ask_with_deadline(addr: std::net::SocketAddr, text: String, deadline: Duration) -> std::io::Result<String> {
    let mut stream = tokio::time::timeout(deadline, TcpStream::connect(addr)).await??;
    stream.write_all(text.as_bytes()).await?;
    stream.shutdown().await?;
    let mut reply = String::new();
    stream.read_to_string(&mut reply).await?;
    Ok(reply)
}

run(check_deadline(ask_with_deadline))
