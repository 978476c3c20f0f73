// mistake: hands the future to an executor's block_on, which waits until it is ready instead of polling once
// expect: it waited until the future finished
fn now_or_never(future: BoxFuture<'static, u32>) -> Option<u32> {
    Some(futures::executor::block_on(future))
}

check_now_or_never(now_or_never)
