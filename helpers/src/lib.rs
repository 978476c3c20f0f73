//! Utilities for the *Async Rust, live* notebooks.
//!
//! Every chapter of the course loads this crate in its first cell:
//!
//! ```text
//! :dep helpers = { path = "../helpers" }
//! use helpers::prelude::*;
//! ```
//!
//! It supplies seven small things, each introduced in the chapter that first
//! needs it:
//!
//! * [`run`](runtime::run) and its variants: run a future to completion on a
//!   fresh Tokio runtime that lives exactly as long as the notebook cell.
//!   Notebooks never use a bare top-level `.await` (the kernel would keep one
//!   runtime alive across cells, and tasks spawned in later cells then lose
//!   their timer and IO drivers).
//! * [`Bench`](timing::Bench) and [`Samples`](timing::Samples): time a closure
//!   or an async closure with warm-up, then summarise the samples (min,
//!   median, mean, p90, p99, max) with durations printed at four significant
//!   figures.
//! * [`LineChart`](plot::LineChart), [`BarChart`](plot::BarChart) and
//!   [`Histogram`](plot::Histogram): draw measurements as SVG
//!   [`Figure`](plot::Figure)s that display inline when they are a cell's
//!   last expression.
//! * [`resident_memory`](memory::resident_memory): how much RAM the process
//!   holds, for comparing the cost of threads and tasks.
//! * [`Timeline`](timeline::Timeline): records when each future was
//!   polled, and on which thread, and draws it as a Gantt chart.
//! * [`Check`](check::Check): the verdict of an exercise's check, printed as a
//!   pass or a failure with a hint; [`Check::catching`](check::Check::catching)
//!   and [`attempt`](check::attempt) turn a panic in the learner's code into
//!   such a failure.
//! * [`Claim`](claim::Claim): a statement from the prose printed beside the
//!   value this run measured for it, with a verdict (holds, fails on this
//!   machine, untested).
//!
//! A first taste, runnable as a doctest:
//!
//! ```
//! use helpers::prelude::*;
//! use std::time::Duration;
//!
//! // A future runs on a runtime built for this call and dropped after it.
//! let answer = run(async {
//!     tokio::time::sleep(Duration::from_millis(1)).await;
//!     40 + 2
//! });
//! assert_eq!(answer, 42);
//!
//! // Time it (joining 1,000 strings: real work), and look at the summary.
//! let words: Vec<String> = (0..1_000).map(|i| i.to_string()).collect();
//! let samples = Bench::new().samples(5).measure(|| words.join(","))?;
//! assert_eq!(samples.count(), 5);
//! println!("{}", samples.summary());
//! # Ok::<(), helpers::timing::SamplesError>(())
//! ```
//!
//! # Errors, not panics
//!
//! Every function that takes data (samples, points, sizes, counts) checks it
//! and returns an error whose message says what to change. The only panics
//! are in [`run`](runtime::run) and [`run_current_thread`](runtime::run_current_thread),
//! when the operating system refuses to start a runtime or when they are
//! called from inside another runtime; their docs say so.
#![warn(missing_docs)]

pub mod check;
pub mod claim;
mod display;
pub mod memory;
pub mod plot;
pub mod runtime;
pub mod timeline;
pub mod timing;

/// Everything a notebook needs, in one `use helpers::prelude::*;`.
///
/// ```
/// use helpers::prelude::*;
///
/// let bytes = resident_memory()?;
/// println!("this process holds {}", format_bytes(bytes));
/// # Ok::<(), helpers::memory::MemoryError>(())
/// ```
pub mod prelude {
    pub use crate::check::{attempt, Check};
    pub use crate::claim::Claim;
    pub use crate::memory::{format_bytes, release_free_memory, resident_memory};
    pub use crate::plot::{BarChart, Figure, Histogram, LineChart};
    pub use crate::runtime::{run, run_current_thread, run_with_workers, with_panics_on_stdout};
    pub use crate::timeline::Timeline;
    pub use crate::timing::{format_duration, Bench, Samples, Summary};
}
