//! Running async code from a notebook cell.
//!
//! An `async fn` or `async { .. }` block is only a description of work: a
//! *runtime* (an executor plus timer and IO drivers) has to poll it. In a
//! program, `#[tokio::main]` builds that runtime once around `main`. A
//! notebook has no `main`, and the kernel's own shortcut (a bare top-level
//! `.await`) keeps one runtime alive across cells in a way that breaks tasks
//! spawned in later cells. So each cell that runs async code calls [`run`],
//! which does what `#[tokio::main]` does, scoped to the cell:
//!
//! 1. build a new runtime,
//! 2. `block_on` the future you pass,
//! 3. shut the runtime down (cancelling any task still running) and return
//!    the future's output.
//!
//! Nothing outlives the cell, so cells can be re-run, and run in any order.
//!
//! ```
//! use helpers::prelude::*;
//!
//! let doubled = run(async {
//!     let task = tokio::spawn(async { 21 });
//!     task.await.expect("the task did not panic") * 2
//! });
//! assert_eq!(doubled, 42);
//! ```

use std::fmt;
use std::future::Future;
use std::time::Duration;

use tokio::runtime::{Builder, Runtime};

/// How long [`run`] waits, after the future finished, for blocking work that
/// is still running (`spawn_blocking`) before it abandons it. Bounded so that
/// a forgotten blocking task never hangs a notebook cell.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// The most worker threads [`run_with_workers`] accepts: far above any
/// measurement in the course, low enough that a typo cannot exhaust the OS.
pub const MAX_WORKERS: usize = 1024;

/// Why a runtime could not be started.
#[derive(Debug)]
pub enum RuntimeError {
    /// `run_with_workers(0, ..)`: a multi-thread runtime needs a worker.
    ZeroWorkers,
    /// More than [`MAX_WORKERS`] worker threads were asked for.
    TooManyWorkers(usize),
    /// The call happened on a thread that is already inside a Tokio runtime.
    InsideRuntime,
    /// The operating system refused to create the runtime's threads or drivers.
    Build(std::io::Error),
}

impl fmt::Display for RuntimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuntimeError::ZeroWorkers => write!(
                f,
                "a multi-thread runtime needs at least 1 worker thread: pass 1 or more \
                 (or use run_current_thread for a single-threaded runtime)"
            ),
            RuntimeError::TooManyWorkers(n) => write!(
                f,
                "{n} worker threads asked for, but at most {MAX_WORKERS} are allowed: \
                 workers beyond the number of cores only add switching"
            ),
            RuntimeError::InsideRuntime => write!(
                f,
                "run() was called from inside a Tokio runtime. In a notebook this happens after a \
                 cell used a bare top-level `.await`, which makes the kernel keep its own runtime. \
                 Restart the kernel and wrap async code in run(async {{ .. }}) instead; inside \
                 async code, just `.await` the future"
            ),
            RuntimeError::Build(e) => write!(f, "the Tokio runtime could not be started: {e}"),
        }
    }
}

impl std::error::Error for RuntimeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RuntimeError::Build(e) => Some(e),
            _ => None,
        }
    }
}

/// Runs `future` to completion on a fresh multi-thread runtime with one
/// worker per core, then shuts the runtime down and returns the output.
///
/// This is what `#[tokio::main]` expands to, scoped to one notebook cell.
/// Tasks still running when `future` finishes are cancelled (dropped) at
/// shutdown, exactly as they would be when `main` returns.
///
/// Pass an `async` block rather than a call such as
/// `run(tokio::time::sleep(d))`: some Tokio constructors register with the
/// runtime the moment they are called, which here is before the runtime
/// exists; an `async` block defers every call until it is polled.
///
/// # Panics
///
/// Only for reasons outside the code you pass: when called from inside
/// another Tokio runtime (see [`RuntimeError::InsideRuntime`]) or when the
/// OS cannot start threads. The panic message says what to do. A panic in
/// `future` itself propagates, as with `block_on`.
///
/// ```
/// use helpers::prelude::*;
///
/// let hello = run(async { "hello from a fresh runtime" });
/// assert_eq!(hello, "hello from a fresh runtime");
/// ```
pub fn run<F: Future>(future: F) -> F::Output {
    unwrap_or_explain(run_on(Flavor::MultiThread(None), future))
}

/// Runs `future` on a fresh current-thread runtime: every task is polled
/// by the calling thread, one at a time.
///
/// This is the runtime to use when you want to see concurrency without
/// parallelism: tasks interleave at `.await` points but never run at the
/// same instant.
///
/// # Panics
///
/// As for [`run`].
///
/// ```
/// use helpers::prelude::*;
///
/// let caller = std::thread::current().id();
/// let polled_on = run_current_thread(async {
///     tokio::spawn(async { std::thread::current().id() }).await.unwrap()
/// });
/// // The spawned task ran on the very thread that called run_current_thread.
/// assert_eq!(polled_on, caller);
/// ```
pub fn run_current_thread<F: Future>(future: F) -> F::Output {
    unwrap_or_explain(run_on(Flavor::CurrentThread, future))
}

/// Runs `future` on a fresh multi-thread runtime with exactly `workers`
/// worker threads.
///
/// # Errors
///
/// [`RuntimeError::ZeroWorkers`] for `workers == 0`,
/// [`RuntimeError::TooManyWorkers`] above [`MAX_WORKERS`], and the errors
/// of [`run`] as values instead of panics.
///
/// ```
/// use helpers::prelude::*;
///
/// let workers = run_with_workers(2, async {
///     tokio::runtime::Handle::current().metrics().num_workers()
/// })?;
/// assert_eq!(workers, 2);
///
/// // A bad count is an error that says how to fix it, not a panic.
/// let err = run_with_workers(0, async {}).unwrap_err();
/// assert!(err.to_string().contains("at least 1 worker"));
/// # Ok::<(), helpers::runtime::RuntimeError>(())
/// ```
pub fn run_with_workers<F: Future>(workers: usize, future: F) -> Result<F::Output, RuntimeError> {
    if workers == 0 {
        return Err(RuntimeError::ZeroWorkers);
    }
    if workers > MAX_WORKERS {
        return Err(RuntimeError::TooManyWorkers(workers));
    }
    run_on(Flavor::MultiThread(Some(workers)), future)
}

/// Runs `f` with the panic hook replaced by one that prints the panic
/// message to stdout, then restores the previous hook.
///
/// A panic inside a spawned task is caught by the runtime and reported to
/// whoever awaits its `JoinHandle`, but the panic hook still prints the
/// message, normally to stderr. The course's test harness treats stderr as
/// a failure, so cells that panic *on purpose* (to show a `JoinError`, or
/// a mutex without poisoning) run inside this function.
///
/// ```
/// use helpers::prelude::*;
///
/// let caught = with_panics_on_stdout(|| {
///     run(async { tokio::spawn(async { panic!("on purpose") }).await })
/// });
/// assert!(caught.unwrap_err().is_panic());
/// ```
pub fn with_panics_on_stdout<T>(f: impl FnOnce() -> T) -> T {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| println!("  (panicked: {info})")));
    // Restore the hook even if `f` itself panics.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    std::panic::set_hook(previous);
    match result {
        Ok(value) => value,
        Err(payload) => std::panic::resume_unwind(payload),
    }
}

/// The runtime shapes the public functions build.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Flavor {
    CurrentThread,
    /// `None`: one worker per core, Tokio's default.
    MultiThread(Option<usize>),
}

pub(crate) fn build_runtime(flavor: Flavor) -> Result<Runtime, RuntimeError> {
    // Building a runtime on a thread that is already driving one would make
    // Tokio panic later, in block_on, with a message that does not mention
    // notebooks. Detect it here and say what happened.
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(RuntimeError::InsideRuntime);
    }
    let mut builder = match flavor {
        Flavor::CurrentThread => Builder::new_current_thread(),
        Flavor::MultiThread(workers) => {
            let mut b = Builder::new_multi_thread();
            if let Some(n) = workers {
                b.worker_threads(n);
            }
            b
        }
    };
    // Timers and (when the notebook enables tokio's `net` feature) sockets.
    builder.enable_all().build().map_err(RuntimeError::Build)
}

fn run_on<F: Future>(flavor: Flavor, future: F) -> Result<F::Output, RuntimeError> {
    let mut guard = ShutdownOnDrop(None);
    let runtime = guard.0.insert(build_runtime(flavor)?);
    let output = runtime.block_on(future);
    drop(guard);
    Ok(output)
}

/// Shuts the runtime down with [`SHUTDOWN_GRACE`] when dropped, also when
/// the future panics and unwinds out of `block_on`: a plain drop would wait
/// for every running blocking task, so one that never ends (a learner's
/// mistake) would hang the cell after the panic was reported.
struct ShutdownOnDrop(Option<tokio::runtime::Runtime>);

impl Drop for ShutdownOnDrop {
    fn drop(&mut self) {
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_timeout(SHUTDOWN_GRACE);
        }
    }
}

fn unwrap_or_explain<T>(result: Result<T, RuntimeError>) -> T {
    match result {
        Ok(value) => value,
        // Deliberate: `run` mirrors `block_on`, which returns the output
        // directly; its only failures are environmental and documented.
        Err(e) => panic!("{e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;

    #[test]
    fn run_returns_the_output_and_can_be_called_repeatedly() {
        for i in 0..3 {
            assert_eq!(run(async move { i * 2 }), i * 2);
        }
    }

    #[test]
    fn a_panicking_future_does_not_wait_for_a_blocking_task_that_never_ends() {
        let started = std::time::Instant::now();
        let caught = std::panic::catch_unwind(|| {
            run_current_thread(async {
                tokio::task::spawn_blocking(|| std::thread::sleep(Duration::from_secs(30)));
                tokio::task::yield_now().await;
                panic!("the learner's code panicked");
            })
        });
        assert!(caught.is_err());
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "took {:?}",
            started.elapsed()
        );
    }

    #[test]
    fn timers_work_in_every_flavor() {
        // `tokio::time::sleep(..)` registers with the timer when it is
        // *called*, so it must be called inside the runtime: wrap it in an
        // async block, which defers the call until the block is polled.
        let sleep = || async { tokio::time::sleep(Duration::from_millis(2)).await };
        run(sleep());
        run_current_thread(sleep());
        run_with_workers(1, sleep()).unwrap();
    }

    #[test]
    fn spawned_tasks_still_running_at_the_end_are_cancelled() {
        let finished = Arc::new(AtomicBool::new(false));
        let flag = finished.clone();
        run(async move {
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_secs(3600)).await;
                flag.store(true, Ordering::SeqCst);
            });
        });
        // run returned promptly and the hour-long task never completed.
        assert!(!finished.load(Ordering::SeqCst));
    }

    #[test]
    fn worker_count_is_checked() {
        assert!(matches!(
            run_with_workers(0, async {}),
            Err(RuntimeError::ZeroWorkers)
        ));
        assert!(matches!(
            run_with_workers(MAX_WORKERS + 1, async {}),
            Err(RuntimeError::TooManyWorkers(_))
        ));
        let n = run_with_workers(3, async {
            tokio::runtime::Handle::current().metrics().num_workers()
        })
        .unwrap();
        assert_eq!(n, 3);
    }

    #[test]
    fn nested_use_is_an_explained_error() {
        let inner = run(async { run_with_workers(1, async {}) });
        let err = inner.unwrap_err();
        assert!(matches!(err, RuntimeError::InsideRuntime));
        assert!(err.to_string().contains("bare top-level `.await`"));
    }

    #[test]
    fn current_thread_runs_tasks_on_the_calling_thread() {
        let me = std::thread::current().id();
        let ids = run_current_thread(async {
            let a = tokio::spawn(async { std::thread::current().id() });
            let b = tokio::spawn(async { std::thread::current().id() });
            (a.await.unwrap(), b.await.unwrap())
        });
        assert_eq!(ids, (me, me));
    }
}
