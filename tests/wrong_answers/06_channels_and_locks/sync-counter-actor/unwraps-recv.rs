// mistake: loops forever and unwraps recv(), so the actor panics when the last sender is dropped
// expect: the actor panicked once the last sender was dropped
async fn counter_actor(mut commands: mpsc::Receiver<Command>) {
    let mut count = 0u64;
    loop {
        match commands.recv().await.unwrap() {
            Command::Add(n, reply) => {
                count += n;
                let _ = reply.send(count);
            }
            Command::Get(reply) => {
                let _ = reply.send(count);
            }
        }
    }
}

check_actor(counter_actor)
