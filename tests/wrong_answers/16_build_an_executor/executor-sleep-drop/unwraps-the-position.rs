// mistake: looks the entry up by its slot but unwraps the search, so a sleep that has already fired panics
// expect: for a sleep whose timer had already fired
fn deregister(timers: &Timers, _deadline: Instant, slot: &WakerSlot) {
    let mut pending = timers.pending.lock().unwrap();
    let index = pending.iter().position(|(_, registered)| Arc::ptr_eq(registered, slot)).unwrap();
    pending.remove(index);
}

check_deregister(deregister)
