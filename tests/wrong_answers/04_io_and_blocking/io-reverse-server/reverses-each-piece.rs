// mistake: loops over reads until EOF but reverses and writes back each piece as it arrives
// expect: answered each piece as it arrived
async fn reverse_back(mut stream: TcpStream) -> std::io::Result<()> {
    let mut buffer = [0u8; 1024];
    loop {
        let n = stream.read(&mut buffer).await?;
        if n == 0 {
            return Ok(());
        }
        let mut piece = buffer[..n].to_vec();
        piece.reverse();
        stream.write_all(&piece).await?;
    }
}

run(check_reverse(reverse_back))
