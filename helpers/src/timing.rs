//! Measuring how long things take.
//!
//! A single timing is noise: the first call pays for cold caches and lazy
//! initialisation, and any call can be interrupted by the OS. So a
//! measurement here is always *warm-up runs that are thrown away, then
//! several samples*, summarised by order statistics. The median is the
//! number to quote; p90 and p99 show how bad the unlucky calls are.
//!
//! ```
//! use helpers::prelude::*;
//!
//! // Sorting a copy of 10,000 shuffled numbers: work with no shortcut.
//! let numbers: Vec<u64> = (0..10_000u64).map(|i| i * 7_919 % 10_007).collect();
//! let samples = Bench::new().warmup(2).samples(20).measure(|| {
//!     let mut copy = numbers.clone();
//!     copy.sort_unstable();
//!     copy
//! })?;
//! let s = samples.summary();
//! assert!(s.min <= s.median && s.median <= s.p90 && s.p90 <= s.max);
//! println!("sort 10,000: {s}");
//! # Ok::<(), helpers::timing::SamplesError>(())
//! ```
//!
//! Async code is measured the same way, inside [`run`](crate::runtime::run):
//!
//! ```
//! use helpers::prelude::*;
//! use std::time::Duration;
//!
//! let samples = run(Bench::new().samples(5).measure_async(|| async {
//!     tokio::time::sleep(Duration::from_millis(1)).await
//! }))?;
//! // A sleep never ends early.
//! assert!(samples.min() >= Duration::from_millis(1));
//! # Ok::<(), helpers::timing::SamplesError>(())
//! ```

use std::fmt;
use std::future::Future;
use std::hint::black_box;
use std::time::{Duration, Instant};

use crate::display::{display_block, four_significant};

/// What can be wrong with a measurement's input.
#[derive(Debug, Clone, PartialEq)]
pub enum SamplesError {
    /// No durations were given, or `Bench::samples(0)` was asked for.
    Empty,
    /// A percentile outside `0.0..=100.0`, or NaN.
    BadPercentile(f64),
}

impl fmt::Display for SamplesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SamplesError::Empty => write!(
                f,
                "no samples: a summary needs at least one duration (use Bench::samples(n) with n >= 1)"
            ),
            SamplesError::BadPercentile(p) => write!(
                f,
                "percentile {p} is outside 0..=100: pass e.g. 50.0 for the median or 99.0 for p99"
            ),
        }
    }
}

impl std::error::Error for SamplesError {}

/// A measurement plan: how many warm-up runs to discard, how many samples
/// to keep.
///
/// ```
/// use helpers::prelude::*;
///
/// let plan = Bench::new().warmup(1).samples(3);
/// let samples = plan.measure(|| std::thread::sleep(std::time::Duration::from_micros(50)))?;
/// assert_eq!(samples.count(), 3);
/// # Ok::<(), helpers::timing::SamplesError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bench {
    warmup: usize,
    samples: usize,
}

impl Default for Bench {
    fn default() -> Self {
        Bench {
            warmup: 3,
            samples: 30,
        }
    }
}

impl Bench {
    /// Three warm-up runs and 30 samples.
    ///
    /// ```
    /// let plan = helpers::timing::Bench::new();
    /// assert_eq!(plan, helpers::timing::Bench::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the number of discarded warm-up runs (0 is allowed).
    ///
    /// ```
    /// let plan = helpers::timing::Bench::new().warmup(0);
    /// # let _ = plan;
    /// ```
    pub fn warmup(mut self, runs: usize) -> Self {
        self.warmup = runs;
        self
    }

    /// Sets the number of kept samples; `measure` reports
    /// [`SamplesError::Empty`] for 0.
    ///
    /// ```
    /// use helpers::timing::{Bench, SamplesError};
    ///
    /// let err = Bench::new().samples(0).measure(|| ()).unwrap_err();
    /// assert_eq!(err, SamplesError::Empty);
    /// ```
    pub fn samples(mut self, count: usize) -> Self {
        self.samples = count;
        self
    }

    /// Times `f`, one call per sample.
    ///
    /// Both ends of each call go through [`black_box`], so the compiler
    /// must do the work every time: before the call, the closure itself (so
    /// what it captured, the input, is unknown to the compiler, which can
    /// neither compute the result while compiling nor once for all the
    /// calls); after it, the value `f` returns (so the work cannot be
    /// dropped as unused).
    ///
    /// What `black_box` cannot stop is a shortcut inside the work itself:
    /// LLVM replaces a loop like `(0..n).sum()` by the formula for the sum,
    /// whatever `n` is, so such a closure takes the same time for `n` = 1,000
    /// as for a million. Time work that has no such formula, as below.
    ///
    /// # Errors
    ///
    /// [`SamplesError::Empty`] when the plan has zero samples.
    ///
    /// ```
    /// use helpers::prelude::*;
    ///
    /// // The input is captured: black_box hides it from the compiler.
    /// let words: Vec<String> = (0..1_000).map(|i| format!("word{i}")).collect();
    /// let s = Bench::new().samples(10).measure(|| words.join(" "))?;
    /// assert_eq!(s.count(), 10);
    /// # Ok::<(), helpers::timing::SamplesError>(())
    /// ```
    pub fn measure<T>(&self, mut f: impl FnMut() -> T) -> Result<Samples, SamplesError> {
        if self.samples == 0 {
            return Err(SamplesError::Empty);
        }
        for _ in 0..self.warmup {
            black_box(black_box(&mut f)());
        }
        let mut durations = Vec::with_capacity(self.samples);
        for _ in 0..self.samples {
            let start = Instant::now();
            black_box(black_box(&mut f)());
            durations.push(start.elapsed());
        }
        Samples::new(durations)
    }

    /// Times the future that `f` creates, one future per sample, awaited to
    /// completion. Use it inside `run(..)`.
    ///
    /// As in [`Bench::measure`], the closure goes through [`black_box`]
    /// before each call (the future it creates starts from inputs the
    /// compiler cannot see) and the future's output after it.
    ///
    /// It reads Tokio's clock, so under Tokio's paused time (in tests) the
    /// durations are exact and deterministic.
    ///
    /// # Errors
    ///
    /// [`SamplesError::Empty`] when the plan has zero samples.
    ///
    /// ```
    /// use helpers::prelude::*;
    ///
    /// let s = run(Bench::new().samples(8).measure_async(|| async {
    ///     tokio::task::yield_now().await
    /// }))?;
    /// assert_eq!(s.count(), 8);
    /// # Ok::<(), helpers::timing::SamplesError>(())
    /// ```
    pub async fn measure_async<F, Fut>(&self, mut f: F) -> Result<Samples, SamplesError>
    where
        F: FnMut() -> Fut,
        Fut: Future,
    {
        if self.samples == 0 {
            return Err(SamplesError::Empty);
        }
        for _ in 0..self.warmup {
            black_box(black_box(&mut f)().await);
        }
        let mut durations = Vec::with_capacity(self.samples);
        for _ in 0..self.samples {
            let start = tokio::time::Instant::now();
            black_box(black_box(&mut f)().await);
            durations.push(start.elapsed());
        }
        Samples::new(durations)
    }
}

/// A non-empty set of measured durations, kept sorted.
///
/// ```
/// use helpers::prelude::*;
/// use std::time::Duration;
///
/// let ms = Duration::from_millis;
/// let s = Samples::new(vec![ms(3), ms(1), ms(2)])?;
/// assert_eq!(s.min(), ms(1));
/// assert_eq!(s.median(), ms(2));
/// assert_eq!(s.max(), ms(3));
/// # Ok::<(), helpers::timing::SamplesError>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Samples {
    sorted: Vec<Duration>,
}

impl Samples {
    /// Wraps durations measured elsewhere (for example by your own loop).
    ///
    /// # Errors
    ///
    /// [`SamplesError::Empty`] for an empty vector.
    ///
    /// ```
    /// use helpers::timing::{Samples, SamplesError};
    ///
    /// assert_eq!(Samples::new(vec![]).unwrap_err(), SamplesError::Empty);
    /// ```
    pub fn new(mut durations: Vec<Duration>) -> Result<Self, SamplesError> {
        if durations.is_empty() {
            return Err(SamplesError::Empty);
        }
        durations.sort_unstable();
        Ok(Samples { sorted: durations })
    }

    /// How many samples there are (at least 1).
    ///
    /// ```
    /// # use helpers::timing::Samples; use std::time::Duration;
    /// let s = Samples::new(vec![Duration::ZERO; 4]).unwrap();
    /// assert_eq!(s.count(), 4);
    /// ```
    pub fn count(&self) -> usize {
        self.sorted.len()
    }

    /// The fastest sample.
    ///
    /// ```
    /// # use helpers::timing::Samples; use std::time::Duration;
    /// let s = Samples::new(vec![Duration::from_secs(2), Duration::from_secs(1)]).unwrap();
    /// assert_eq!(s.min(), Duration::from_secs(1));
    /// ```
    pub fn min(&self) -> Duration {
        self.sorted[0]
    }

    /// The slowest sample.
    ///
    /// ```
    /// # use helpers::timing::Samples; use std::time::Duration;
    /// let s = Samples::new(vec![Duration::from_secs(2), Duration::from_secs(1)]).unwrap();
    /// assert_eq!(s.max(), Duration::from_secs(2));
    /// ```
    pub fn max(&self) -> Duration {
        self.sorted[self.sorted.len() - 1]
    }

    /// The arithmetic mean.
    ///
    /// ```
    /// # use helpers::timing::Samples; use std::time::Duration;
    /// let s = Samples::new(vec![Duration::from_secs(1), Duration::from_secs(2)]).unwrap();
    /// assert_eq!(s.mean(), Duration::from_millis(1500));
    /// ```
    pub fn mean(&self) -> Duration {
        // Sum in u128 nanoseconds: no overflow for any realistic sample set.
        let total: u128 = self.sorted.iter().map(Duration::as_nanos).sum();
        let mean = total / self.sorted.len() as u128;
        Duration::from_nanos(u64::try_from(mean).unwrap_or(u64::MAX))
    }

    /// The 50th percentile (see [`Samples::percentile`] for the definition).
    ///
    /// ```
    /// # use helpers::timing::Samples; use std::time::Duration;
    /// let s = Samples::new((1..=5).map(Duration::from_secs).collect()).unwrap();
    /// assert_eq!(s.median(), Duration::from_secs(3));
    /// ```
    pub fn median(&self) -> Duration {
        self.nearest_rank(50.0)
    }

    /// The 90th percentile.
    ///
    /// ```
    /// # use helpers::timing::Samples; use std::time::Duration;
    /// let s = Samples::new((1..=10).map(Duration::from_secs).collect()).unwrap();
    /// assert_eq!(s.p90(), Duration::from_secs(9));
    /// ```
    pub fn p90(&self) -> Duration {
        self.nearest_rank(90.0)
    }

    /// The 99th percentile.
    ///
    /// ```
    /// # use helpers::timing::Samples; use std::time::Duration;
    /// let s = Samples::new((1..=100).map(Duration::from_secs).collect()).unwrap();
    /// assert_eq!(s.p99(), Duration::from_secs(99));
    /// ```
    pub fn p99(&self) -> Duration {
        self.nearest_rank(99.0)
    }

    /// The `p`-th percentile by the nearest-rank method: the smallest sample
    /// such that at least `p` percent of the samples are less than or equal
    /// to it. Always one of the measured values, never an interpolation.
    ///
    /// # Errors
    ///
    /// [`SamplesError::BadPercentile`] for `p` outside `0.0..=100.0` or NaN.
    ///
    /// ```
    /// # use helpers::timing::Samples; use std::time::Duration;
    /// let s = Samples::new((1..=4).map(Duration::from_secs).collect()).unwrap();
    /// assert_eq!(s.percentile(75.0)?, Duration::from_secs(3));
    /// assert!(s.percentile(101.0).is_err());
    /// # Ok::<(), helpers::timing::SamplesError>(())
    /// ```
    pub fn percentile(&self, p: f64) -> Result<Duration, SamplesError> {
        if !(0.0..=100.0).contains(&p) {
            return Err(SamplesError::BadPercentile(p));
        }
        Ok(self.nearest_rank(p))
    }

    fn nearest_rank(&self, p: f64) -> Duration {
        let n = self.sorted.len();
        let rank = ((p / 100.0) * n as f64).ceil() as usize;
        self.sorted[rank.clamp(1, n) - 1]
    }

    /// The samples in ascending order, e.g. to feed a histogram.
    ///
    /// ```
    /// # use helpers::timing::Samples; use std::time::Duration;
    /// let s = Samples::new(vec![Duration::from_secs(2), Duration::from_secs(1)]).unwrap();
    /// let secs: Vec<f64> = s.sorted().iter().map(|d| d.as_secs_f64()).collect();
    /// assert_eq!(secs, [1.0, 2.0]);
    /// ```
    pub fn sorted(&self) -> &[Duration] {
        &self.sorted
    }

    /// The order statistics in one value, for printing or comparing.
    ///
    /// ```
    /// # use helpers::timing::Samples; use std::time::Duration;
    /// let s = Samples::new(vec![Duration::from_secs(1)]).unwrap().summary();
    /// assert_eq!((s.count, s.min, s.max), (1, Duration::from_secs(1), Duration::from_secs(1)));
    /// ```
    pub fn summary(&self) -> Summary {
        Summary {
            count: self.count(),
            min: self.min(),
            median: self.median(),
            mean: self.mean(),
            p90: self.p90(),
            p99: self.p99(),
            max: self.max(),
        }
    }

    /// Shows the summary as a small table when the samples are a notebook
    /// cell's last expression (the kernel calls this method by name).
    ///
    /// ```
    /// # use helpers::timing::Samples; use std::time::Duration;
    /// Samples::new(vec![Duration::from_micros(5)]).unwrap().evcxr_display();
    /// ```
    pub fn evcxr_display(&self) {
        self.summary().evcxr_display();
    }
}

/// The order statistics of a [`Samples`].
///
/// `Display` prints it on one line with [`format_duration`]:
///
/// ```
/// use helpers::prelude::*;
/// use std::time::Duration;
///
/// let s = Samples::new(vec![Duration::from_micros(1500); 3])?.summary();
/// assert_eq!(
///     s.to_string(),
///     "n=3  min 1.500 ms  median 1.500 ms  mean 1.500 ms  p90 1.500 ms  p99 1.500 ms  max 1.500 ms"
/// );
/// # Ok::<(), helpers::timing::SamplesError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Number of samples.
    pub count: usize,
    /// Fastest sample.
    pub min: Duration,
    /// 50th percentile.
    pub median: Duration,
    /// Arithmetic mean.
    pub mean: Duration,
    /// 90th percentile.
    pub p90: Duration,
    /// 99th percentile.
    pub p99: Duration,
    /// Slowest sample.
    pub max: Duration,
}

impl Summary {
    fn columns(&self) -> [(&'static str, Duration); 6] {
        [
            ("min", self.min),
            ("median", self.median),
            ("mean", self.mean),
            ("p90", self.p90),
            ("p99", self.p99),
            ("max", self.max),
        ]
    }

    /// Displays the summary in a notebook: an HTML table, with the one-line
    /// text form as the plain-text fallback.
    ///
    /// ```
    /// # use helpers::timing::Samples; use std::time::Duration;
    /// Samples::new(vec![Duration::from_nanos(250)]).unwrap().summary().evcxr_display();
    /// ```
    pub fn evcxr_display(&self) {
        // Inline styles: notebook frontends and the site's theme differ, and
        // without padding adjacent numbers run together.
        const CELL: &str = "padding:2px 12px;text-align:right";
        let mut head = format!("<th style=\"{CELL}\">n</th>");
        let mut row = format!("<td style=\"{CELL}\">{}</td>", self.count);
        for (name, d) in self.columns() {
            head.push_str(&format!("<th style=\"{CELL}\">{name}</th>"));
            row.push_str(&format!("<td style=\"{CELL}\">{}</td>", format_duration(d)));
        }
        let html = format!(
            "<table style=\"border-collapse:collapse;font-variant-numeric:tabular-nums\">\
             <thead><tr>{head}</tr></thead><tbody><tr>{row}</tr></tbody></table>"
        );
        print!(
            "{}",
            display_block(&[("text/html", &html), ("text/plain", &self.to_string())])
        );
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "n={}", self.count)?;
        for (name, d) in self.columns() {
            write!(f, "  {name} {}", format_duration(d))?;
        }
        Ok(())
    }
}

/// Formats a duration with an automatic unit (ns, µs, ms, s) and four
/// significant figures, so numbers of very different sizes stay readable
/// side by side.
///
/// ```
/// use helpers::prelude::*;
/// use std::time::Duration;
///
/// assert_eq!(format_duration(Duration::from_nanos(7)), "7.000 ns");
/// assert_eq!(format_duration(Duration::from_nanos(12_345)), "12.35 µs");
/// assert_eq!(format_duration(Duration::from_micros(123_456)), "123.5 ms");
/// assert_eq!(format_duration(Duration::from_secs(90)), "90.00 s");
/// assert_eq!(format_duration(Duration::ZERO), "0 ns");
/// ```
pub fn format_duration(d: Duration) -> String {
    let nanos = d.as_nanos() as f64;
    if nanos == 0.0 {
        return "0 ns".to_string();
    }
    let (value, unit) = if nanos < 1e3 {
        (nanos, "ns")
    } else if nanos < 1e6 {
        (nanos / 1e3, "µs")
    } else if nanos < 1e9 {
        (nanos / 1e6, "ms")
    } else {
        (nanos / 1e9, "s")
    };
    format!("{} {unit}", four_significant(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_nearest_rank() {
        let s = Samples::new((1..=10).map(Duration::from_millis).collect()).unwrap();
        assert_eq!(s.percentile(0.0).unwrap(), Duration::from_millis(1));
        assert_eq!(s.percentile(10.0).unwrap(), Duration::from_millis(1));
        assert_eq!(s.percentile(11.0).unwrap(), Duration::from_millis(2));
        assert_eq!(s.median(), Duration::from_millis(5));
        assert_eq!(s.percentile(100.0).unwrap(), Duration::from_millis(10));
        assert!(s.percentile(f64::NAN).is_err());
        assert!(s.percentile(-1.0).is_err());
    }

    #[test]
    fn a_single_sample_is_every_statistic() {
        let d = Duration::from_micros(42);
        let s = Samples::new(vec![d]).unwrap().summary();
        assert_eq!([s.min, s.median, s.mean, s.p90, s.p99, s.max], [d; 6]);
    }

    #[test]
    fn durations_print_with_four_significant_figures() {
        let cases = [
            (Duration::from_nanos(1), "1.000 ns"),
            (Duration::from_nanos(999), "999.0 ns"),
            (Duration::from_nanos(1_000), "1.000 µs"),
            (Duration::from_nanos(1_234_567), "1.235 ms"),
            (Duration::from_millis(999), "999.0 ms"),
            (Duration::from_secs(1), "1.000 s"),
            (Duration::from_secs(12_345), "12345 s"),
        ];
        for (d, want) in cases {
            assert_eq!(format_duration(d), want, "{d:?}");
        }
    }

    #[test]
    fn zero_samples_is_an_error_not_a_panic() {
        assert_eq!(
            Bench::new().samples(0).measure(|| ()).unwrap_err(),
            SamplesError::Empty
        );
        assert!(SamplesError::Empty.to_string().contains("Bench::samples"));
    }

    #[test]
    fn warmup_runs_are_not_recorded() {
        let mut calls = 0;
        let s = Bench::new()
            .warmup(4)
            .samples(6)
            .measure(|| calls += 1)
            .unwrap();
        assert_eq!(calls, 10);
        assert_eq!(s.count(), 6);
    }

    // Paused time makes async timing exact: tokio advances its clock only
    // when every task is idle, by exactly the time the next timer needs.
    #[tokio::test(start_paused = true)]
    async fn async_timing_is_exact_under_paused_time() {
        let mut n = 0u64;
        let s = Bench::new()
            .warmup(1)
            .samples(4)
            .measure_async(|| {
                n += 1;
                let wait = Duration::from_millis(10 * n);
                async move { tokio::time::sleep(wait).await }
            })
            .await
            .unwrap();
        // Warm-up slept 10 ms; the samples slept 20, 30, 40 and 50 ms.
        let ms: Vec<u128> = s.sorted().iter().map(Duration::as_millis).collect();
        assert_eq!(ms, [20, 30, 40, 50]);
        assert_eq!(s.mean(), Duration::from_millis(35));
    }
}
