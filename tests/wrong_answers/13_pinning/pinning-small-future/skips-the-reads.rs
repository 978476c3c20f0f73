// mistake: computes the two checksums itself, so the future is small because the reading was skipped
// expect: skips the reading
async fn handle(seed: u8) -> u64 {
    let first = checksum(&[seed; 16 * 1024]);
    let second = checksum(&[seed + 1; 16 * 1024]);
    tokio::task::yield_now().await;
    first + second
}

check_small_future(handle)
