// mistake: chains the ticks after the messages instead of merging them
// expect: one after the other
fn with_ticks(messages: impl Stream<Item = u32>, every: Duration) -> impl Stream<Item = Event> {
    let ticks = tokio_stream::wrappers::IntervalStream::new(tokio::time::interval(every))
        .skip(1)
        .map(|_| Event::Tick);
    messages.map(Event::Message).chain(ticks)
}

check_merge(with_ticks)
