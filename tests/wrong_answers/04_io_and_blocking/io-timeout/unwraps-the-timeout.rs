// mistake: unwraps the timeout's result, so the silent server's deadline panics instead of returning Err(TimedOut)
// expect: your code panicked: called `Result::unwrap()` on an `Err` value
async fn ask_with_deadline(addr: std::net::SocketAddr, text: String, deadline: Duration) -> std::io::Result<String> {
    let reply = tokio::time::timeout(deadline, ask(addr, &text)).await.unwrap()?;
    Ok(reply)
}

run(check_deadline(ask_with_deadline))
