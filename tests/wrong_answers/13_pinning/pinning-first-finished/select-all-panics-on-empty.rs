// mistake: hands the pinned futures to futures::future::select_all, which panics when given none
// expect: with an empty Vec, first_finished panicked
async fn first_finished<F: Future>(futures: Vec<F>) -> Option<(usize, F::Output)> {
    let pinned: Vec<Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let (output, index, _still_running) = futures::future::select_all(pinned).await;
    Some((index, output))
}

check_first_finished(first_finished)
