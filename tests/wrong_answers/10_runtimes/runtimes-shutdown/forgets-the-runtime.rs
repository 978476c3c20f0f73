// mistake: mem::forget(runtime) returns at once, but only by skipping the shutdown: nothing is cancelled, threads leak
// expect: the hour-long async task was never cancelled
fn stop(runtime: Runtime) {
    std::mem::forget(runtime);
}

check_stop(stop)
