// mistake: calls tokio::spawn on the library's thread, which has no runtime context
// expect: that thread is not a runtime thread, so it has no runtime context
fn on_request(_handle: &Handle, request: Request) {
    tokio::spawn(request.answer());
}

check_on_request(on_request)
