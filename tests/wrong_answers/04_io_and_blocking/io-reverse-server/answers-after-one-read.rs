// mistake: reads once into a buffer and answers, assuming one read returns the whole request
// expect: answered after a single read
async fn reverse_back(mut stream: TcpStream) -> std::io::Result<()> {
    let mut buffer = [0u8; 1024];
    let n = stream.read(&mut buffer).await?;
    let mut request = buffer[..n].to_vec();
    request.reverse();
    stream.write_all(&request).await?;
    Ok(())
}

run(check_reverse(reverse_back))
