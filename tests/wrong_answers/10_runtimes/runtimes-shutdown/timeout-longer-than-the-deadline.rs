// mistake: uses shutdown_timeout with a generous 1 s, which waits for the 500 ms blocking job and misses the 100 ms deadline
// expect: more than the 100 ms allowed
fn stop(runtime: Runtime) {
    runtime.shutdown_timeout(Duration::from_secs(1));
}

check_stop(stop)
