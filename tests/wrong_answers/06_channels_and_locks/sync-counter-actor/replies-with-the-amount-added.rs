// mistake: replies to Add(n) with n, the amount just added, instead of the new count
// expect: each Add replied with the amount added
async fn counter_actor(mut commands: mpsc::Receiver<Command>) {
    let mut count = 0u64;
    while let Some(command) = commands.recv().await {
        match command {
            Command::Add(n, reply) => {
                count += n;
                let _ = reply.send(n);
            }
            Command::Get(reply) => {
                let _ = reply.send(count);
            }
        }
    }
}

check_actor(counter_actor)
