// mistake: polls the two futures with a context of its own (a no-op waker) instead of the poll_fn's cx
// expect: the joined task never completed: nothing woke it
fn join2<A, B>(a: A, b: B) -> impl Future<Output = (A::Output, B::Output)>
where
    A: Future,
    B: Future,
{
    let (mut a, mut b) = (Box::pin(a), Box::pin(b));
    let (mut out_a, mut out_b) = (None, None);
    std::future::poll_fn(move |_cx| {
        let mut inner = Context::from_waker(Waker::noop());
        if out_a.is_none() {
            if let Poll::Ready(value) = a.as_mut().poll(&mut inner) {
                out_a = Some(value);
            }
        }
        if out_b.is_none() {
            if let Poll::Ready(value) = b.as_mut().poll(&mut inner) {
                out_b = Some(value);
            }
        }
        if out_a.is_some() && out_b.is_some() {
            Poll::Ready((out_a.take().unwrap(), out_b.take().unwrap()))
        } else {
            Poll::Pending
        }
    })
}

check_join2(join2)
