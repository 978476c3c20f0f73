// mistake: uses tokio::time::interval, whose first tick completes at once, so a Tick comes at 0 ms
// expect: first tick completes at once
fn with_ticks(messages: impl Stream<Item = u32>, every: Duration) -> impl Stream<Item = Event> {
    async_stream::stream! {
        let mut messages = std::pin::pin!(messages);
        let mut ticks = tokio::time::interval(every);
        loop {
            let event = tokio::select! {
                message = messages.next() => match message {
                    Some(m) => Event::Message(m),
                    None => break,
                },
                _ = ticks.tick() => Event::Tick,
            };
            yield event;
        }
    }
}

check_merge(with_ticks)
