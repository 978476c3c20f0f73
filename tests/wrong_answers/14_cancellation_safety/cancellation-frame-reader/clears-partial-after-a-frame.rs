// mistake: keeps progress in `partial`, but reads 8 bytes at a time and clears `partial` after each frame, throwing away the start of the next frame
// expect: bytes after the end of a frame were thrown away
async fn next_frame(pipe: &mut DuplexStream, partial: &mut Vec<u8>) -> Option<[u8; 8]> {
    while partial.len() < 8 {
        let mut chunk = [0u8; 8];
        let read = pipe.read(&mut chunk).await.ok()?;
        if read == 0 {
            return None;
        }
        partial.extend_from_slice(&chunk[..read]);
    }
    let frame: [u8; 8] = partial[..8].try_into().expect("8 bytes");
    partial.clear();
    Some(frame)
}

check_frame_reader(|pipe, partial| Box::pin(next_frame(pipe, partial)))
