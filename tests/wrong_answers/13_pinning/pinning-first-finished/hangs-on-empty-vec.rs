// mistake: polls correctly, but with an empty Vec the poll_fn returns Pending forever
// expect: never finished
async fn first_finished<F: Future>(futures: Vec<F>) -> Option<(usize, F::Output)> {
    let mut pinned: Vec<Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    std::future::poll_fn(|cx| {
        for (index, future) in pinned.iter_mut().enumerate() {
            if let Poll::Ready(output) = future.as_mut().poll(cx) {
                return Poll::Ready(Some((index, output)));
            }
        }
        Poll::Pending
    })
    .await
}

check_first_finished(first_finished)
