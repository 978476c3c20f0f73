// mistake: assumes the sleep being dropped is the one that registered last, and pops it
// expect: removed another sleep's entry, with a different deadline
fn deregister(timers: &Timers, _deadline: Instant, _slot: &WakerSlot) {
    // Our entry was pushed onto the list: take it off again.
    timers.pending.lock().unwrap().pop();
}

check_deregister(deregister)
