// mistake: waits with std::thread::sleep inside the future, blocking the thread the kettle needs
// expect: std::thread::sleep blocks the thread
fn espresso_brew(millis: u64) -> Pin<Box<dyn Future<Output = String> + Send>> {
    Box::pin(async move {
        std::thread::sleep(Duration::from_millis(millis));
        "espresso".to_string()
    })
}

run_current_thread(check_cafe(espresso_brew))
