// mistake: merges with stream::select, which ends only when both streams end, and the ticks never do
// expect: did not end when the messages ended
fn with_ticks(messages: impl Stream<Item = u32>, every: Duration) -> impl Stream<Item = Event> {
    let ticks = tokio_stream::wrappers::IntervalStream::new(tokio::time::interval(every))
        .skip(1) // an interval's first tick is immediate
        .map(|_| Event::Tick);
    stream::select(messages.map(Event::Message), ticks)
}

check_merge(with_ticks)
