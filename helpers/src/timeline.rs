//! A picture of polls: when each future was polled, for how long, and on
//! which thread.
//!
//! A future makes progress only while it is being polled. Wrapping futures
//! with [`Timeline::track`] records every poll (start, end, thread), and
//! [`Timeline::draw`] turns the record into a Gantt chart: one row per
//! future, a bar per poll, coloured by the thread that polled it, and a thin
//! grey line for the whole life of the future: from its creation (the call
//! to `track`) to its drop. A future dropped before it completed, as the
//! losers of a `select!` are, ends in a red tick.
//!
//! ```
//! use helpers::prelude::*;
//! use std::time::Duration;
//!
//! let timeline = Timeline::new();
//! run(async {
//!     let tea = timeline.track("tea", tokio::time::sleep(Duration::from_millis(20)));
//!     let coffee = timeline.track("coffee", tokio::time::sleep(Duration::from_millis(20)));
//!     tokio::join!(tea, coffee);
//! });
//! // Each sleep was polled once to start it and once when its timer fired.
//! assert_eq!(timeline.polls("tea"), 2);
//! let figure = timeline.draw()?;
//! assert!(figure.description().contains("2 futures"));
//! # Ok::<(), helpers::plot::PlotError>(())
//! ```
//!
//! # Cost
//!
//! Recording a poll reads the clock twice and appends to a vector behind a
//! mutex. Measured with `cargo run --release --example timeline_overhead`
//! on the course's 2-core machine (November 2026): about 130 ns per poll,
//! against 240 ns for the cheapest possible poll and a runtime round trip.
//! The polls the course draws do real work (microseconds to milliseconds),
//! so the recording shifts what a timeline shows by well under a
//! millisecond, even over thousands of polls.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::thread::ThreadId;
use std::time::Duration;

use tokio::time::Instant;

use crate::plot::{Figure, PlotError};

/// One poll of one tracked future.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PollEvent {
    /// The name given to [`Timeline::track`].
    pub future: String,
    /// When the poll started, since the timeline was created.
    pub start: Duration,
    /// When the poll returned.
    pub end: Duration,
    /// Which thread polled: 1 for the first thread seen by this timeline,
    /// 2 for the next, and so on.
    pub thread: usize,
    /// Whether this poll completed the future (`Poll::Ready`).
    pub ready: bool,
}

/// The life of one tracked future, from [`Timeline::track`] to its drop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Life {
    /// The name given to [`Timeline::track`].
    pub future: String,
    /// When `track` wrapped it, since the timeline was created.
    pub created: Duration,
    /// When a poll returned `Poll::Ready`, if one did.
    pub completed: Option<Duration>,
    /// When it was dropped, if it has been.
    pub dropped: Option<Duration>,
}

impl Life {
    /// True when the future was dropped before it completed: it was
    /// cancelled, for example as the loser of a `select!`.
    ///
    /// ```
    /// use helpers::timeline::Life;
    /// use std::time::Duration;
    ///
    /// let ms = Duration::from_millis;
    /// let loser = Life { future: "B".into(), created: ms(0), completed: None, dropped: Some(ms(10)) };
    /// assert!(loser.cancelled());
    /// let winner = Life { completed: Some(ms(10)), ..loser.clone() };
    /// assert!(!winner.cancelled());
    /// ```
    pub fn cancelled(&self) -> bool {
        self.dropped.is_some() && self.completed.is_none()
    }
}

/// A poll as recorded: the future is named by its index, so recording
/// allocates nothing but the vector's own growth.
#[derive(Debug)]
struct RawPoll {
    /// Index of the polled future's [`Life`] in `Record::futures`.
    life: usize,
    start: Duration,
    end: Duration,
    thread: usize,
    ready: bool,
}

#[derive(Debug, Default)]
struct Record {
    /// Tracked futures in the order `track` was called.
    futures: Vec<Life>,
    polls: Vec<RawPoll>,
    /// Threads in order of first appearance, with their names.
    threads: Vec<(ThreadId, Option<String>)>,
}

/// Records the polls of the futures it tracks. Cheap to clone: clones share
/// one record, so a clone can be moved into a spawned task.
///
/// ```
/// use helpers::prelude::*;
///
/// let timeline = Timeline::new();
/// let handle_timeline = timeline.clone();
/// run(async move {
///     tokio::spawn(handle_timeline.track("spawned", async { 1 })).await.unwrap()
/// });
/// assert_eq!(timeline.polls("spawned"), 1);
/// ```
#[derive(Clone, Debug)]
pub struct Timeline {
    origin: Instant,
    title: Arc<str>,
    record: Arc<Mutex<Record>>,
}

impl Default for Timeline {
    fn default() -> Self {
        Timeline {
            origin: Instant::now(),
            title: Arc::from("Timeline of polls"),
            record: Arc::new(Mutex::new(Record::default())),
        }
    }
}

impl Timeline {
    /// An empty timeline; times are measured from this moment.
    ///
    /// ```
    /// let timeline = helpers::timeline::Timeline::new();
    /// assert!(timeline.events().is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the title the chart is drawn with.
    ///
    /// ```
    /// use helpers::prelude::*;
    ///
    /// let timeline = Timeline::new().with_title("Joined");
    /// run(timeline.track("a", async {}));
    /// assert!(timeline.draw()?.description().contains("\"Joined\""));
    /// # Ok::<(), helpers::plot::PlotError>(())
    /// ```
    pub fn with_title(mut self, title: &str) -> Self {
        self.title = Arc::from(title);
        self
    }

    fn lock(&self) -> MutexGuard<'_, Record> {
        // A panic while the lock was held cannot leave the record half
        // written (each update is one push), so a poisoned lock is usable.
        self.record
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Wraps `future` so that each of its polls is recorded under `name`.
    /// The wrapper behaves exactly like `future` otherwise.
    ///
    /// ```
    /// use helpers::prelude::*;
    ///
    /// let timeline = Timeline::new();
    /// let answer = run(timeline.track("answer", async { 42 }));
    /// assert_eq!(answer, 42);
    /// ```
    pub fn track<F: Future>(&self, name: &str, future: F) -> Tracked<F> {
        let created = self.origin.elapsed();
        let mut record = self.lock();
        record.futures.push(Life {
            future: name.to_string(),
            created,
            completed: None,
            dropped: None,
        });
        let index = record.futures.len() - 1;
        drop(record);
        Tracked {
            // Boxed so that `Tracked` is `Unpin` and needs no unsafe pin
            // projection; one allocation per tracked future, none per poll.
            inner: Box::pin(future),
            index,
            timeline: self.clone(),
        }
    }

    /// The life of every tracked future, in the order `track` was called:
    /// when it was created, completed and dropped.
    ///
    /// ```
    /// use helpers::prelude::*;
    /// use std::time::Duration;
    ///
    /// let timeline = Timeline::new();
    /// run(async {
    ///     tokio::select! {
    ///         biased;
    ///         _ = timeline.track("quick", async {}) => {}
    ///         _ = timeline.track("slow", tokio::time::sleep(Duration::from_secs(1))) => {}
    ///     }
    /// });
    /// let lives = timeline.lives();
    /// assert!(!lives[0].cancelled() && lives[0].completed.is_some());
    /// // The loser was dropped when the winner's branch was chosen.
    /// assert!(lives[1].cancelled());
    /// ```
    pub fn lives(&self) -> Vec<Life> {
        self.lock().futures.clone()
    }

    /// Every recorded poll, in the order the polls ended.
    ///
    /// ```
    /// use helpers::prelude::*;
    ///
    /// let timeline = Timeline::new();
    /// run(timeline.track("once", async {}));
    /// let events = timeline.events();
    /// assert_eq!(events.len(), 1);
    /// assert!(events[0].ready && events[0].start <= events[0].end);
    /// ```
    pub fn events(&self) -> Vec<PollEvent> {
        let record = self.lock();
        record
            .polls
            .iter()
            .map(|p| PollEvent {
                future: record.futures[p.life].future.clone(),
                start: p.start,
                end: p.end,
                thread: p.thread,
                ready: p.ready,
            })
            .collect()
    }

    /// How many times the future tracked under `name` was polled.
    ///
    /// ```
    /// use helpers::prelude::*;
    ///
    /// let timeline = Timeline::new();
    /// run(timeline.track("yields twice", async {
    ///     tokio::task::yield_now().await;
    ///     tokio::task::yield_now().await;
    /// }));
    /// assert_eq!(timeline.polls("yields twice"), 3);
    /// assert_eq!(timeline.polls("never tracked"), 0);
    /// ```
    pub fn polls(&self, name: &str) -> usize {
        let record = self.lock();
        record
            .polls
            .iter()
            .filter(|e| record.futures[e.life].future == name)
            .count()
    }

    /// How many distinct threads polled the tracked futures.
    ///
    /// ```
    /// use helpers::prelude::*;
    ///
    /// let timeline = Timeline::new();
    /// run_current_thread(async {
    ///     let a = tokio::spawn(timeline.track("a", async {}));
    ///     let b = tokio::spawn(timeline.track("b", async {}));
    ///     let _ = tokio::join!(a, b);
    /// });
    /// assert_eq!(timeline.threads(), 1);
    /// ```
    pub fn threads(&self) -> usize {
        self.lock().threads.len()
    }

    fn record_poll(&self, life: usize, start: Instant, end: Instant, ready: bool) {
        let thread = std::thread::current();
        let mut record = self.lock();
        if ready {
            record.futures[life].completed = Some(end.saturating_duration_since(self.origin));
        }
        let thread_index = match record.threads.iter().position(|(id, _)| *id == thread.id()) {
            Some(i) => i,
            None => {
                record
                    .threads
                    .push((thread.id(), thread.name().map(str::to_string)));
                record.threads.len() - 1
            }
        };
        record.polls.push(RawPoll {
            life,
            start: start.saturating_duration_since(self.origin),
            end: end.saturating_duration_since(self.origin),
            thread: thread_index + 1,
            ready,
        });
    }

    fn record_drop(&self, index: usize) {
        let dropped = self.origin.elapsed();
        self.lock().futures[index].dropped = Some(dropped);
    }

    /// Draws the timeline as a Gantt chart: a row per tracked future, in
    /// the order they were tracked; a bar per poll, coloured by thread; a
    /// grey line from creation to drop (or, for a future still alive, to
    /// its last poll), ending in a red tick if it was dropped before it
    /// completed.
    ///
    /// # Errors
    ///
    /// [`PlotError::NoData`] when no tracked future was ever polled.
    ///
    /// ```
    /// use helpers::prelude::*;
    ///
    /// let empty = Timeline::new();
    /// assert!(empty.draw().is_err());
    /// ```
    pub fn draw(&self) -> Result<Figure, PlotError> {
        let record = self.lock();
        if record.polls.is_empty() {
            return Err(PlotError::NoData {
                hint: "Timeline::track, then await the tracked futures,",
            });
        }
        let thread_names: Vec<String> = record
            .threads
            .iter()
            .enumerate()
            .map(|(i, (_, name))| match name.as_deref() {
                // Tokio names its threads "tokio-rt-worker" (older versions:
                // "tokio-runtime-worker"), blocking-pool threads included.
                Some(n) if n.starts_with("tokio-r") => format!("thread {} (Tokio)", i + 1),
                Some(n) => format!("thread {} ({n})", i + 1),
                None => format!("thread {}", i + 1),
            })
            .collect();
        let rows = gantt_rows(&record);
        crate::plot::gantt(
            &self.title,
            "time since the timeline was created (ms)",
            &rows,
            &thread_names,
        )
    }

    /// Shows the timeline's chart when it is a cell's last expression, or
    /// the reason it cannot be drawn.
    ///
    /// ```
    /// helpers::timeline::Timeline::new().evcxr_display();
    /// ```
    pub fn evcxr_display(&self) {
        match self.draw() {
            Ok(figure) => figure.evcxr_display(),
            Err(e) => println!("(no timeline to draw: {e})"),
        }
    }
}

/// The chart's rows: one per name, in the order the names were first
/// tracked, each with the polls and lives of the futures tracked under it.
fn gantt_rows(record: &Record) -> Vec<crate::plot::GanttRow> {
    let mut polls_of: Vec<Vec<&RawPoll>> = vec![Vec::new(); record.futures.len()];
    for poll in &record.polls {
        polls_of[poll.life].push(poll);
    }
    let mut rows: Vec<crate::plot::GanttRow> = Vec::new();
    for (life, polls) in record.futures.iter().zip(polls_of) {
        let end = life
            .dropped
            .or(polls.iter().map(|e| e.end).max())
            .unwrap_or(life.created)
            .max(life.created);
        let bars = polls
            .iter()
            .map(|e| (millis(e.start), millis(e.end), e.thread - 1));
        let cancelled = life.cancelled().then(|| millis(end));
        // The same name tracked twice shares a row, which spans all the
        // lives drawn on it.
        if let Some(row) = rows.iter_mut().find(|r| r.name == life.future) {
            row.alive.0 = row.alive.0.min(millis(life.created));
            row.alive.1 = row.alive.1.max(millis(end));
            row.polls.extend(bars);
            row.cancelled.extend(cancelled);
            continue;
        }
        rows.push(crate::plot::GanttRow {
            name: life.future.clone(),
            alive: (millis(life.created), millis(end)),
            polls: bars.collect(),
            cancelled: cancelled.into_iter().collect(),
        });
    }
    rows
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// A future wrapped by [`Timeline::track`]: polls the inner future and
/// records each poll.
#[derive(Debug)]
pub struct Tracked<F> {
    inner: Pin<Box<F>>,
    /// This future's entry in the timeline's list of lives.
    index: usize,
    timeline: Timeline,
}

impl<F> Drop for Tracked<F> {
    fn drop(&mut self) {
        self.timeline.record_drop(self.index);
    }
}

impl<F: Future> Future for Tracked<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let start = Instant::now();
        let result = self.inner.as_mut().poll(cx);
        let end = Instant::now();
        self.timeline
            .record_poll(self.index, start, end, result.is_ready());
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Paused time: the clock moves only when every task waits, and exactly
    // to the next timer, so the recorded times are exact.
    #[tokio::test(start_paused = true)]
    async fn polls_are_recorded_at_the_right_times() {
        let timeline = Timeline::new();
        let slow = timeline.track("slow", tokio::time::sleep(Duration::from_millis(30)));
        let fast = timeline.track("fast", tokio::time::sleep(Duration::from_millis(10)));
        tokio::join!(slow, fast);
        let at = |name: &str| -> Vec<u128> {
            timeline
                .events()
                .iter()
                .filter(|e| e.future == name)
                .map(|e| e.start.as_millis())
                .collect()
        };
        assert_eq!(at("fast"), [0, 10]);
        // join! has one waker for all its branches: when "fast" wakes the
        // task at 10 ms, "slow" is polled too, finds itself not ready, and
        // waits on until 30 ms.
        assert_eq!(at("slow"), [0, 10, 30]);
        let events = timeline.events();
        assert!(events.iter().filter(|e| e.ready).count() == 2);
        assert_eq!(timeline.threads(), 1);
    }

    #[test]
    fn spawned_tasks_on_workers_are_seen_as_other_threads() {
        let timeline = Timeline::new();
        crate::runtime::run_with_workers(2, async {
            let handles: Vec<_> = (0..8)
                .map(|i| {
                    tokio::spawn(timeline.track(&format!("task {i}"), async {
                        std::thread::sleep(Duration::from_millis(5));
                    }))
                })
                .collect();
            for h in handles {
                h.await.unwrap();
            }
        })
        .unwrap();
        // Workers, not the thread that called run, polled the tasks.
        assert!(timeline.threads() >= 1);
        assert_eq!(timeline.events().len(), 8);
        let fig = timeline.draw().unwrap();
        assert!(fig.description().contains("8 futures"));
    }

    #[tokio::test(start_paused = true)]
    async fn select_losers_are_drawn_dropped_at_the_moment_the_winner_won() {
        let timeline = Timeline::new();
        let ms = Duration::from_millis;
        tokio::select! {
            biased;
            _ = timeline.track("slow", tokio::time::sleep(ms(30))) => unreachable!(),
            _ = timeline.track("fast", tokio::time::sleep(ms(10))) => {}
        }
        tokio::time::sleep(ms(5)).await; // the figure goes on past the race
        let lives = timeline.lives();
        let (slow, fast) = (&lives[0], &lives[1]);
        assert_eq!(
            (slow.created, slow.completed, slow.dropped),
            (ms(0), None, Some(ms(10)))
        );
        assert!(slow.cancelled());
        assert_eq!((fast.completed, fast.dropped), (Some(ms(10)), Some(ms(10))));
        assert!(!fast.cancelled());
        // biased: the slow branch, written first, is polled first every time.
        let order: Vec<String> = timeline.events().into_iter().map(|e| e.future).collect();
        assert_eq!(order, ["slow", "fast", "slow", "fast"]);
        let figure = timeline.draw().unwrap();
        assert!(figure
            .description()
            .ends_with(", 1 dropped before completing"));
        assert!(figure.svg().contains("dropped before completing"));
    }

    #[tokio::test(start_paused = true)]
    async fn a_future_lives_until_it_is_dropped_not_until_its_last_poll() {
        let timeline = Timeline::new();
        let ms = Duration::from_millis;
        let kept = timeline.track("kept", async {});
        tokio::time::sleep(ms(5)).await;
        kept.await; // completes at 5 ms, and .await drops it at once
        let unpolled = timeline.track("never polled", async {});
        tokio::time::sleep(ms(7)).await;
        drop(unpolled);
        let lives = timeline.lives();
        assert_eq!(
            (lives[0].completed, lives[0].dropped),
            (Some(ms(5)), Some(ms(5)))
        );
        assert_eq!((lives[1].created, lives[1].dropped), (ms(5), Some(ms(12))));
        assert!(lives[1].cancelled(), "dropped without completing");
        // The same name tracked twice shares one row.
        drop(timeline.track("kept", async {}));
        let figure = timeline.draw().unwrap();
        assert!(figure.description().contains("2 futures, 1 polls"));
        assert!(figure
            .description()
            .ends_with("2 dropped before completing"));
    }

    #[tokio::test(start_paused = true)]
    async fn each_poll_is_drawn_on_the_row_of_the_future_it_polled() {
        // One thread polls both futures: the thread's number must not be
        // taken for the future's.
        let timeline = Timeline::new();
        let ms = Duration::from_millis;
        let a = timeline.track("a", tokio::time::sleep(ms(10)));
        let b = timeline.track("b", async {
            tokio::time::sleep(ms(20)).await;
            tokio::task::yield_now().await;
        });
        tokio::join!(a, b);
        let rows = gantt_rows(&timeline.lock());
        let polls: Vec<(&str, usize)> = rows
            .iter()
            .map(|r| (r.name.as_str(), r.polls.len()))
            .collect();
        assert_eq!(polls, [("a", 2), ("b", 4)]);
        let starts =
            |row: &crate::plot::GanttRow| -> Vec<f64> { row.polls.iter().map(|p| p.0).collect() };
        assert_eq!(starts(&rows[0]), [0.0, 10.0]);
        assert_eq!(starts(&rows[1]), [0.0, 10.0, 20.0, 20.0]);
        assert!(
            rows.iter().all(|r| r.polls.iter().all(|p| p.2 == 0)),
            "one thread"
        );
    }

    #[test]
    fn an_unpolled_timeline_cannot_be_drawn() {
        let timeline = Timeline::new();
        let _never_polled = timeline.track("lazy", async {});
        assert!(matches!(timeline.draw(), Err(PlotError::NoData { .. })));
    }
}
