// mistake: runs the work on a std thread but waits for it with a blocking join(), so the runtime is stuck anyway
// expect: the runtime's thread waited for it
async fn checksum(data: Vec<u8>) -> u64 {
    std::thread::spawn(move || checksum_blocking(&data))
        .join()
        .expect("the checksum did not panic")
}

run_current_thread(check_checksum(checksum))
