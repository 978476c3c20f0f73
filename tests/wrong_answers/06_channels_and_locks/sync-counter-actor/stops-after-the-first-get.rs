// mistake: treats Get as the last command and returns after answering it, while senders still exist
// expect: the actor returned while a sender was still alive
async fn counter_actor(mut commands: mpsc::Receiver<Command>) {
    let mut count = 0u64;
    while let Some(command) = commands.recv().await {
        match command {
            Command::Add(n, reply) => {
                count += n;
                let _ = reply.send(count);
            }
            Command::Get(reply) => {
                let _ = reply.send(count);
                return; // the total has been read: done
            }
        }
    }
}

check_actor(counter_actor)
