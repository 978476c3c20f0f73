// mistake: ticks with a sleep created inside the select! loop, so every message restarts it
// expect: restarts with every message
fn with_ticks(messages: impl Stream<Item = u32>, every: Duration) -> impl Stream<Item = Event> {
    async_stream::stream! {
        let mut messages = std::pin::pin!(messages);
        loop {
            let event = tokio::select! {
                message = messages.next() => match message {
                    Some(m) => Event::Message(m),
                    None => break,
                },
                _ = tokio::time::sleep(every) => Event::Tick,
            };
            yield event;
        }
    }
}

check_merge(with_ticks)
