// mistake: sleeps for the deadline and then reports TimedOut, without ever asking the server
// expect: instead of racing it
async fn ask_with_deadline(addr: std::net::SocketAddr, text: String, deadline: Duration) -> std::io::Result<String> {
    let _ = (addr, text);
    tokio::time::sleep(deadline).await;
    Err(std::io::Error::new(std::io::ErrorKind::TimedOut, "no answer before the deadline"))
}

run(check_deadline(ask_with_deadline))
