// mistake: polls one future per call of the poll_fn closure, in turn, so the others never register their wake-ups
// expect: returned only after
async fn first_finished<F: Future>(futures: Vec<F>) -> Option<(usize, F::Output)> {
    if futures.is_empty() {
        return None;
    }
    let mut pinned: Vec<Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let mut turn = 0;
    std::future::poll_fn(|cx| {
        let index = turn % pinned.len();
        turn += 1;
        match pinned[index].as_mut().poll(cx) {
            Poll::Ready(output) => Poll::Ready(Some((index, output))),
            Poll::Pending => Poll::Pending,
        }
    })
    .await
}

check_first_finished(first_finished)
