// mistake: enters the runtime with `let _ = handle.enter()`, which drops the guard at once, then calls tokio::spawn
// expect: that thread is not a runtime thread, so it has no runtime context
fn on_request(handle: &Handle, request: Request) {
    let _ = handle.enter();
    tokio::spawn(request.answer());
}

check_on_request(on_request)
