// mistake: moves the work into tokio::spawn, which runs it on the same runtime thread, still blocking it
// expect: ran on the runtime's own thread
async fn checksum(data: Vec<u8>) -> u64 {
    tokio::spawn(async move { checksum_blocking(&data) })
        .await
        .expect("the checksum did not panic")
}

run_current_thread(check_checksum(checksum))
