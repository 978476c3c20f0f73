// mistake: in poll_fn, returns Pending as soon as one future is pending, so only the first future is ever polled
// expect: only the first future in the list was waited for
async fn first_finished<F: Future>(futures: Vec<F>) -> Option<(usize, F::Output)> {
    if futures.is_empty() {
        return None;
    }
    let mut pinned: Vec<Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    std::future::poll_fn(|cx| {
        for (index, future) in pinned.iter_mut().enumerate() {
            match future.as_mut().poll(cx) {
                Poll::Ready(output) => return Poll::Ready(Some((index, output))),
                Poll::Pending => return Poll::Pending,
            }
        }
        Poll::Pending
    })
    .await
}

check_first_finished(first_finished)
