// mistake: joins boil, brew_coffee and toast all at once, so the coffee brews before the water has boiled
// expect: the coffee was brewed before the water had boiled
async fn breakfast(kitchen: Kitchen) {
    tokio::join!(boil(&kitchen), brew_coffee(&kitchen), toast(&kitchen));
}

run_current_thread(check_breakfast(breakfast))
