// mistake: loops over the cancel-safe `read`, but keeps the bytes read so far in a local array inside the future
// expect: the bytes already read were kept inside the future
async fn next_frame(pipe: &mut DuplexStream, partial: &mut Vec<u8>) -> Option<[u8; 8]> {
    let _ = partial;
    let mut frame = [0u8; 8];
    let mut filled = 0;
    while filled < 8 {
        let read = pipe.read(&mut frame[filled..]).await.ok()?; // `read` is cancel safe...
        if read == 0 {
            return None;
        }
        filled += read; // ...but `frame` and `filled` die with the future
    }
    Some(frame)
}

check_frame_reader(|pipe, partial| Box::pin(next_frame(pipe, partial)))
