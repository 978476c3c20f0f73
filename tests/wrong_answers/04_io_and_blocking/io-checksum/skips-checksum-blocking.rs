// mistake: computes the sum inline and never calls the slow checksum_blocking: fast, right result, no work done
// expect: the work was skipped
async fn checksum(data: Vec<u8>) -> u64 {
    data.iter().map(|&b| b as u64).sum()
}

run_current_thread(check_checksum(checksum))
