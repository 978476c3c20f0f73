// mistake: creates the toast's future first, thinking that starts it, then awaits everything in turn
// expect: the coffee and the toast ran one after the other
async fn breakfast(kitchen: Kitchen) {
    let toasting = toast(&kitchen); // "start" the toast...
    boil(&kitchen).await;
    brew_coffee(&kitchen).await;
    toasting.await; // ...but a future does nothing until it is polled
}

run_current_thread(check_breakfast(breakfast))
