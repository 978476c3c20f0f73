//! What recording a poll costs: the same self-waking future polled many
//! times, with and without `Timeline::track`, on one current-thread runtime.
//!
//!     cargo run --release --example timeline_overhead
//!
//! Prints the time per poll of each and the difference (the overhead).
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use helpers::prelude::*;

/// Returns Pending `left` times, waking itself each time, so the runtime
/// polls it again at once: a poll that does almost nothing.
struct Spin {
    left: u32,
}

impl Future for Spin {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.left == 0 {
            return Poll::Ready(());
        }
        self.left -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

const POLLS: u32 = 200_000;

fn per_poll(tracked: bool) -> Duration {
    // Best of five runs: the overhead, not the noise.
    (0..5)
        .map(|_| {
            let timeline = Timeline::new();
            let start = Instant::now();
            if tracked {
                run_current_thread(timeline.track("spin", Spin { left: POLLS }));
            } else {
                run_current_thread(Spin { left: POLLS });
            }
            start.elapsed() / (POLLS + 1)
        })
        .min()
        .expect("five runs")
}

fn main() {
    let plain = per_poll(false);
    let tracked = per_poll(true);
    println!("untracked: {} per poll", format_duration(plain));
    println!("tracked:   {} per poll", format_duration(tracked));
    println!(
        "overhead:  {} per poll ({:.1}× the untracked poll)",
        format_duration(tracked.saturating_sub(plain)),
        tracked.as_secs_f64() / plain.as_secs_f64()
    );
}
