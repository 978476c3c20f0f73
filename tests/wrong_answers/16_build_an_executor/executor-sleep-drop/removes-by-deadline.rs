// mistake: finds the sleep's entry by its deadline, which another sleep may share
// expect: also removed another sleep with exactly the same deadline
fn deregister(timers: &Timers, deadline: Instant, _slot: &WakerSlot) {
    timers.pending.lock().unwrap().retain(|(registered, _)| *registered != deadline);
}

check_deregister(deregister)
