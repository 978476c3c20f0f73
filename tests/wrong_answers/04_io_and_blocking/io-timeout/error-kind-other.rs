// mistake: races the exchange against the deadline, but turns the timeout into an error of kind Other
// expect: should be ErrorKind::TimedOut
async fn ask_with_deadline(addr: std::net::SocketAddr, text: String, deadline: Duration) -> std::io::Result<String> {
    tokio::time::timeout(deadline, ask(addr, &text)).await.map_err(std::io::Error::other)?
}

run(check_deadline(ask_with_deadline))
