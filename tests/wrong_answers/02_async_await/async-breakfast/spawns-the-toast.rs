// mistake: spawns the toast as a separate task, which the exercise rules out (right time, wrong tool)
// expect: a step ran in a task of its own
async fn breakfast(kitchen: Kitchen) {
    let k = kitchen.clone();
    let toasting = tokio::spawn(async move { toast(&k).await });
    boil(&kitchen).await;
    brew_coffee(&kitchen).await;
    toasting.await.expect("the toast did not panic");
}

run_current_thread(check_breakfast(breakfast))
