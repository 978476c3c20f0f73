// mistake: fills `partial` and returns its first 8 bytes, but never removes them, so every later call returns the same frame
// expect: it returned the same bytes again
async fn next_frame(pipe: &mut DuplexStream, partial: &mut Vec<u8>) -> Option<[u8; 8]> {
    while partial.len() < 8 {
        let mut chunk = [0u8; 8];
        let wanted = 8 - partial.len();
        let read = pipe.read(&mut chunk[..wanted]).await.ok()?;
        if read == 0 {
            return None;
        }
        partial.extend_from_slice(&chunk[..read]);
    }
    Some(partial[..8].try_into().expect("8 bytes"))
}

check_frame_reader(|pipe, partial| Box::pin(next_frame(pipe, partial)))
