// mistake: applies the chapter's block trick: wraps each await in a block, which leaves the awaited future inside handle's
// expect: wrapping it in a block changes nothing
async fn handle(seed: u8) -> u64 {
    let first = { read_request(seed).await };
    let second = { read_request(seed + 1).await };
    first + second
}

check_small_future(handle)
