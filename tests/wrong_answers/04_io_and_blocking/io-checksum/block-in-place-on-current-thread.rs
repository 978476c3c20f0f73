// mistake: uses block_in_place, which panics on a current-thread runtime
// expect: block_in_place only works on the multi-thread runtime
async fn checksum(data: Vec<u8>) -> u64 {
    tokio::task::block_in_place(|| checksum_blocking(&data))
}

run_current_thread(check_checksum(checksum))
