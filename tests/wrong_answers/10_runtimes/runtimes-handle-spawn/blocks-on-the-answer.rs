// mistake: runs the answer with handle.block_on, which waits for it on the library's thread instead of returning at once
// expect: on_request blocked the library's thread
fn on_request(handle: &Handle, request: Request) {
    handle.block_on(request.answer());
}

check_on_request(on_request)
