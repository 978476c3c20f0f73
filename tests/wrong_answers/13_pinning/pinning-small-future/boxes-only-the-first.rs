// mistake: boxes the first read_request future but awaits the second one inline
// expect: boxing one of the two awaits
async fn handle(seed: u8) -> u64 {
    let first = Box::pin(read_request(seed)).await;
    let second = read_request(seed + 1).await;
    first + second
}

check_small_future(handle)
