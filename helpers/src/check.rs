//! Verdicts for exercises.
//!
//! An exercise's check is a cell that runs the reader's code, tests what it
//! did, and ends with a [`Check`]. Each condition carries a hint that says
//! *why* it matters, so a failure teaches something. The verdict prints as
//! one line per failed condition:
//!
//! ```text
//! ✔ Exercise 1.1 passed (2 checks)
//! ✘ Exercise 1.1 failed: the tasks ran one after another ...
//! ```
//!
//! The course's test suite reads these lines: an exercise's starting stub
//! must fail its check and the worked solution must pass it.
//!
//! ```
//! use helpers::prelude::*;
//!
//! let answer = 6 * 7;
//! let check = Check::new("Exercise 0.0")
//!     .that(answer == 42, "multiply, do not add")
//!     .that(answer % 2 == 0, "the answer is even");
//! assert!(check.passed());
//! assert_eq!(check.to_string(), "✔ Exercise 0.0 passed (2 checks)");
//! ```
//!
//! # When the learner's code panics
//!
//! A check calls code the learner wrote, and that code may panic (an
//! `unwrap()` on a closed channel, `block_in_place` on a current-thread
//! runtime). Left alone, the panic skips the verdict and prints a backtrace.
//! [`Check::catching`] (and [`Check::catching_async`] for a check that is
//! itself a future) runs the check's body, catches the panic, and turns it
//! into a `✘` line that quotes the panic's message with a hint; [`attempt`]
//! does the same for one call whose value the check needs. While they run,
//! panic messages are kept off stderr (where the notebook would count them
//! as a failure) on every thread, so a panic inside a spawned task is
//! reported in the verdict too.
//!
//! ```
//! use helpers::prelude::*;
//!
//! let learners_code = || -> u32 { None.expect("the channel was closed") };
//! let check = Check::catching("Exercise 0.1", || {
//!     let answer = learners_code();
//!     Check::new("Exercise 0.1").that(answer == 42, "the answer is 42")
//! });
//! assert!(!check.passed());
//! assert!(check.to_string().contains("your code panicked: the channel was closed"));
//! ```

use std::any::Any;
use std::fmt;
use std::future::Future;
use std::panic::{self, AssertUnwindSafe};
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};

use crate::display::display_block;

/// The verdict of an exercise check: a name and a list of conditions with
/// hints. Shown as text when it is a cell's last expression.
///
/// ```
/// use helpers::prelude::*;
///
/// let c = Check::new("Exercise 9.9").that(1 + 1 == 3, "arithmetic still works");
/// assert!(!c.passed());
/// assert_eq!(c.to_string(), "✘ Exercise 9.9 failed: arithmetic still works");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    name: String,
    conditions: Vec<(bool, String)>,
}

impl Check {
    /// Starts a check with the exercise's name (e.g. `"Exercise 1.2"`).
    ///
    /// ```
    /// let c = helpers::check::Check::new("Exercise 1.2");
    /// # let _ = c;
    /// ```
    pub fn new(name: &str) -> Self {
        Check {
            name: name.to_string(),
            conditions: Vec::new(),
        }
    }

    /// Adds a condition; `hint` is shown only if it is false, so write it as
    /// advice: what is wrong and what to try.
    ///
    /// ```
    /// let c = helpers::check::Check::new("E").that(true, "never shown");
    /// assert!(c.passed());
    /// ```
    pub fn that(mut self, condition: bool, hint: &str) -> Self {
        self.conditions.push((condition, hint.to_string()));
        self
    }

    /// True when there is at least one condition and all of them hold.
    ///
    /// A check with no conditions has tested nothing, so it does not pass.
    ///
    /// ```
    /// assert!(!helpers::check::Check::new("E").passed());
    /// ```
    pub fn passed(&self) -> bool {
        !self.conditions.is_empty() && self.conditions.iter().all(|(ok, _)| *ok)
    }

    /// Runs `body`, the part of a check that calls the learner's code and
    /// builds the verdict, and makes sure a panic becomes a verdict too.
    ///
    /// If `body` panics, the result is a failed check named `name` whose line
    /// quotes the panic's message with a hint. If `body` returns but a panic
    /// happened meanwhile on another thread or in a spawned task (which the
    /// runtime catches, so `body` may only have seen a missing reply), the
    /// panic is added to `body`'s check as a failed condition, unless one of
    /// its hints already quotes that message. No panic message reaches stderr
    /// while `body` runs.
    ///
    /// ```
    /// use helpers::prelude::*;
    ///
    /// // A learner's task that unwraps a receive on a channel whose sender is gone.
    /// let check = Check::catching("Exercise 0.2", || {
    ///     let got = run(async {
    ///         let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(1);
    ///         drop(tx);
    ///         tokio::spawn(async move { rx.recv().await.unwrap() }).await.ok()
    ///     });
    ///     Check::new("Exercise 0.2").that(got == Some(1), "no value came back")
    /// });
    /// let verdict = check.to_string();
    /// assert!(verdict.contains("✘ Exercise 0.2 failed: no value came back"));
    /// assert!(verdict.contains("a task or thread panicked: called `Option::unwrap()` on a `None` value"));
    /// ```
    pub fn catching(name: &str, body: impl FnOnce() -> Check) -> Check {
        let silenced = Silenced::start();
        let outcome = panic::catch_unwind(AssertUnwindSafe(body));
        let elsewhere = silenced.finish();
        Check::from_outcome(
            name,
            outcome.map_err(|p| Panicked::from_payload(&*p)),
            elsewhere,
        )
    }

    /// [`Check::catching`] for a check that is a future, so that the cell can
    /// keep calling it inside [`run`](crate::runtime::run): a panic while
    /// `body` is polled becomes the verdict.
    ///
    /// ```
    /// use helpers::prelude::*;
    ///
    /// async fn check_double(double: fn(u32) -> u32) -> Check {
    ///     Check::catching_async("Exercise 0.3", async move {
    ///         tokio::task::yield_now().await;
    ///         Check::new("Exercise 0.3").that(double(21) == 42, "double 21 to get 42")
    ///     })
    ///     .await
    /// }
    ///
    /// let check = run_current_thread(check_double(|n| n.checked_mul(2).expect("no overflow") - 1));
    /// assert_eq!(check.to_string(), "✘ Exercise 0.3 failed: double 21 to get 42");
    ///
    /// let check = run_current_thread(check_double(|_| panic!("not written yet")));
    /// assert!(check.to_string().starts_with("✘ Exercise 0.3 failed: your code panicked: not written yet"));
    /// ```
    pub async fn catching_async(name: &str, body: impl Future<Output = Check>) -> Check {
        let silenced = Silenced::start();
        let outcome = CatchUnwind(Box::pin(body)).await;
        let elsewhere = silenced.finish();
        Check::from_outcome(name, outcome, elsewhere)
    }

    fn from_outcome(name: &str, outcome: Result<Check, Panicked>, elsewhere: Vec<String>) -> Check {
        match outcome {
            Err(panicked) => Check::new(name).that(false, &panicked.to_string()),
            Ok(mut check) => {
                // A panic the body already explains (its hint quotes the message) is not repeated.
                let quoted = |message: &str| {
                    check
                        .conditions
                        .iter()
                        .any(|(ok, hint)| !ok && !message.is_empty() && hint.contains(message))
                };
                if let Some(message) = elsewhere.iter().find(|m| !quoted(m)).cloned() {
                    let panicked = Panicked {
                        message,
                        where_: Where::Elsewhere,
                    };
                    check = check.that(false, &panicked.to_string());
                }
                check
            }
        }
    }

    /// Shows the verdict in a notebook (the kernel calls this by name).
    ///
    /// ```
    /// helpers::check::Check::new("E").that(true, "").evcxr_display();
    /// ```
    pub fn evcxr_display(&self) {
        let text = self.to_string();
        let color = if self.passed() { "#0a7d32" } else { "#b00020" };
        let html = format!(
            "<pre style=\"color:{color};font-weight:bold;white-space:pre-wrap\">{}</pre>",
            escape_html(&text)
        );
        print!(
            "{}",
            display_block(&[("text/html", &html), ("text/plain", &text)])
        );
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.conditions.is_empty() {
            return write!(
                f,
                "✘ {} failed: the check has no conditions; add some with .that(condition, hint)",
                self.name
            );
        }
        if self.passed() {
            let n = self.conditions.len();
            let s = if n == 1 { "" } else { "s" };
            return write!(f, "✔ {} passed ({n} check{s})", self.name);
        }
        let failures: Vec<&str> = self
            .conditions
            .iter()
            .filter(|(ok, _)| !ok)
            .map(|(_, hint)| hint.as_str())
            .collect();
        for (i, hint) in failures.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "✘ {} failed: {hint}", self.name)?;
        }
        Ok(())
    }
}

/// A panic caught by [`attempt`] or [`Check::catching`]: its message, and
/// what usually causes it. Its `Display` is the line a check shows:
/// `your code panicked: <message> — <hint>`.
///
/// ```
/// use helpers::check::attempt;
///
/// let err = attempt(|| -> u32 { panic!("disk full") }).unwrap_err();
/// assert_eq!(err.message(), "disk full");
/// assert!(err.to_string().starts_with("your code panicked: disk full — "));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Panicked {
    message: String,
    where_: Where,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Where {
    /// The panic unwound through the code the check called.
    InTheCall,
    /// It happened on another thread or in a task while the check ran.
    Elsewhere,
}

impl Panicked {
    fn from_payload(payload: &(dyn Any + Send)) -> Self {
        Panicked {
            message: payload_message(payload),
            where_: Where::InTheCall,
        }
    }

    /// The panic's message (`panic!("..")`, `expect("..")`), or a note when
    /// the payload was not text.
    ///
    /// ```
    /// let err = helpers::check::attempt(|| std::panic::panic_any(7u8)).unwrap_err();
    /// assert_eq!(err.message(), "a panic whose payload is not text");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Advice for this panic: what commonly causes it in async code and what
    /// to do instead.
    ///
    /// ```
    /// let err = helpers::check::attempt(|| None::<u8>.unwrap()).unwrap_err();
    /// assert!(err.hint().contains("None"));
    /// ```
    pub fn hint(&self) -> &'static str {
        hint_for(&self.message)
    }
}

impl fmt::Display for Panicked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let who = match self.where_ {
            Where::InTheCall => "your code panicked",
            Where::Elsewhere => "a task or thread panicked",
        };
        write!(f, "{who}: {} — {}", self.message, self.hint())
    }
}

impl std::error::Error for Panicked {}

/// Calls `f` and returns its value, or the panic it raised as a
/// [`Panicked`]. For a check that needs the value of one call to the
/// learner's code; [`Check::catching`] wraps a whole check. Panic messages
/// from every thread stay off stderr while `f` runs. A panic in a Tokio task
/// that `f` starts is caught by the runtime, not here: `f` sees it as a
/// `JoinError`.
///
/// ```
/// use helpers::check::attempt;
///
/// assert_eq!(attempt(|| 6 * 7), Ok(42));
/// let err = attempt(|| "x".parse::<u32>().unwrap()).unwrap_err();
/// assert!(err.message().starts_with("called `Result::unwrap()` on an `Err` value"));
/// ```
pub fn attempt<T>(f: impl FnOnce() -> T) -> Result<T, Panicked> {
    let silenced = Silenced::start();
    let outcome = panic::catch_unwind(AssertUnwindSafe(f));
    silenced.finish();
    outcome.map_err(|p| Panicked::from_payload(&*p))
}

fn payload_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic whose payload is not text".to_string()
    }
}

/// Advice for the panics learners meet in async code, matched on the message.
fn hint_for(message: &str) -> &'static str {
    const HINTS: &[(&str, &str)] = &[
        ("can call blocking only when running on the multi-threaded runtime",
         "block_in_place only works on the multi-thread runtime, which can hand this worker's other tasks to \
          another worker; on a current-thread runtime use tokio::task::spawn_blocking"),
        ("Cannot start a runtime from within a runtime",
         "a runtime was started (block_on, run, Runtime::new) inside async code, which is already on a runtime: \
          .await the future instead"),
        ("Cannot drop a runtime in a context where blocking is not allowed",
         "a runtime was dropped inside async code: build and drop runtimes outside it, and .await futures inside"),
        ("reactor running",
         "a Tokio timer or socket was used outside a Tokio runtime (on a std::thread, say): create it inside \
          the runtime's async code"),
        ("must be called from the context of a Tokio",
         "a Tokio function was called outside a Tokio runtime (on a std::thread, say): call it from the \
          runtime's async code, or pass a Handle"),
        ("JoinError",
         "a JoinError was taken apart as the wrong kind: ask is_cancelled() or is_panic() before into_panic()"),
        ("called `Option::unwrap()` on a `None` value",
         "an unwrap() met None. In async code that is often recv() on a channel whose senders are all gone \
          (it then returns None for good): end the loop on None (while let Some(..)) instead of unwrapping"),
        ("called `Result::unwrap()` on an `Err` value",
         "an unwrap() met an Err (a send to a closed channel, a cancelled task's JoinError, an IO error): \
          handle the Err, or pass it on with ?"),
        ("overflow",
         "an arithmetic overflow: check the order of operations, or use checked_ or saturating_ arithmetic"),
        ("out of bounds", "an index past the end of a slice or Vec: check its length first"),
        ("already borrowed", "a RefCell borrowed twice at once: drop the first borrow before the second"),
        ("already mutably borrowed", "a RefCell borrowed twice at once: drop the first borrow before the second"),
        ("PoisonError",
         "a std Mutex was locked after another thread panicked while holding it: find that first panic"),
    ];
    HINTS
        .iter()
        .find(|(pattern, _)| message.contains(pattern))
        .map(|(_, hint)| *hint)
        .unwrap_or(
            "a panic ends the call (or the task) it happens in, so the check got no answer: find the unwrap(), \
             expect() or panic! that gives this message and handle that case",
        )
}

type Hook = dyn Fn(&panic::PanicHookInfo<'_>) + Sync + Send + 'static;

/// Shared by every [`Silenced`] alive at once (overlapping checks, on one
/// thread or several): the hook in place before the first one started, and
/// the messages of the panics seen since.
struct SilenceState {
    depth: usize,
    previous: Option<Arc<Hook>>,
    messages: Vec<String>,
}

static SILENCE: Mutex<SilenceState> = Mutex::new(SilenceState {
    depth: 0,
    previous: None,
    messages: Vec::new(),
});

fn silence_state() -> MutexGuard<'static, SilenceState> {
    // Nothing panics while holding the lock, but never let poisoning turn into a panic here.
    SILENCE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Serialises installing and removing the recording hook. Separate from
/// `SILENCE` on purpose: the standard library holds its hook lock while a
/// hook runs, and the recording hook takes `SILENCE`, so swapping hooks while
/// holding `SILENCE` could deadlock against a panic on another thread.
static INSTALL: Mutex<()> = Mutex::new(());

/// While one of these is alive, the panic hook records each panic's message
/// instead of printing it. The first one in installs the hook; the last one
/// out puts back the hook that was there before.
struct Silenced {
    first_message: usize,
}

impl Silenced {
    fn start() -> Self {
        let _installing = INSTALL.lock().unwrap_or_else(|p| p.into_inner());
        // A hook left installed by a silence that ended on a panicking
        // thread (see Drop) is still ours: taking it as "previous" would
        // make it call itself.
        let first = {
            let state = silence_state();
            state.depth == 0 && state.previous.is_none()
        };
        // take_hook and set_hook panic on a panicking thread.
        if first && !std::thread::panicking() {
            let previous: Arc<Hook> = Arc::from(panic::take_hook());
            {
                let mut state = silence_state();
                state.previous = Some(previous);
                state.messages.clear();
            }
            panic::set_hook(Box::new(recording_hook));
        }
        let mut state = silence_state();
        state.depth += 1;
        Silenced {
            first_message: state.messages.len(),
        }
    }

    /// Ends this silence; returns the messages of the panics seen during it.
    fn finish(self) -> Vec<String> {
        let state = silence_state();
        let messages = state
            .messages
            .get(self.first_message..)
            .unwrap_or(&[])
            .to_vec();
        drop(state);
        messages // `self` is dropped here, which ends the silence.
    }
}

impl Drop for Silenced {
    fn drop(&mut self) {
        let _installing = INSTALL.lock().unwrap_or_else(|p| p.into_inner());
        let (last, previous) = {
            let mut state = silence_state();
            state.depth = state.depth.saturating_sub(1);
            (state.depth == 0, state.previous.clone())
        };
        if last && !std::thread::panicking() {
            if let Some(previous) = previous {
                panic::set_hook(Box::new(move |info| previous(info)));
            }
            let mut state = silence_state();
            state.previous = None;
            state.messages.clear();
        }
        // On a panicking thread the recording hook stays installed; with depth 0 it
        // hands every panic to the previous hook, so nothing is silenced by mistake.
    }
}

fn recording_hook(info: &panic::PanicHookInfo<'_>) {
    let mut state = silence_state();
    if state.depth > 0 {
        state.messages.push(payload_message(info.payload()));
    } else if let Some(previous) = state.previous.clone() {
        drop(state);
        previous(info);
    }
}

/// Polls the inner future inside `catch_unwind`: a panic during a poll
/// becomes `Err`.
struct CatchUnwind<F>(Pin<Box<F>>);

impl<F: Future> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Panicked>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.0.as_mut();
        match panic::catch_unwind(AssertUnwindSafe(|| inner.poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(value)) => Poll::Ready(Ok(value)),
            Err(payload) => Poll::Ready(Err(Panicked::from_payload(&*payload))),
        }
    }
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_failed_condition_gets_its_own_line() {
        let c = Check::new("Ex")
            .that(false, "first")
            .that(true, "fine")
            .that(false, "second");
        assert_eq!(c.to_string(), "✘ Ex failed: first\n✘ Ex failed: second");
    }

    #[test]
    fn an_empty_check_fails() {
        let c = Check::new("Ex");
        assert!(!c.passed());
        assert!(c.to_string().starts_with("✘ Ex failed"));
    }

    /// Panic tests share the process-wide hook: run them one at a time.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

    fn serial() -> MutexGuard<'static, ()> {
        ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner())
    }

    #[test]
    fn attempt_names_a_str_panic() {
        let _one = serial();
        let err = attempt(|| -> () { panic!("disk full") }).unwrap_err();
        assert_eq!(err.message(), "disk full");
        assert!(err
            .to_string()
            .starts_with("your code panicked: disk full — a panic ends"));
    }

    #[test]
    fn attempt_names_a_string_panic() {
        let _one = serial();
        let n = 3;
        let err = attempt(|| -> () { panic!("gave up after {n} attempts") }).unwrap_err();
        assert_eq!(err.message(), "gave up after 3 attempts");
    }

    #[test]
    fn attempt_survives_a_payload_that_is_not_text() {
        let _one = serial();
        let err = attempt(|| panic::panic_any(404u16)).unwrap_err();
        assert_eq!(err.message(), "a panic whose payload is not text");
    }

    #[test]
    fn without_a_panic_the_value_passes_through() {
        let _one = serial();
        assert_eq!(attempt(|| vec![1, 2]), Ok(vec![1, 2]));
        let check = Check::catching("Ex", || Check::new("Ex").that(true, "fine"));
        assert_eq!(check.to_string(), "✔ Ex passed (1 check)");
    }

    #[test]
    fn the_previous_hook_is_back_afterwards() {
        let _one = serial();
        let seen = Arc::new(Mutex::new(0));
        let counter = seen.clone();
        let original = panic::take_hook();
        panic::set_hook(Box::new(move |_| *counter.lock().unwrap() += 1));
        let _ = attempt(|| panic!("silenced"));
        let _ = panic::catch_unwind(|| panic!("seen by the previous hook"));
        panic::set_hook(original);
        assert_eq!(*seen.lock().unwrap(), 1);
    }

    #[test]
    fn block_in_place_on_a_current_thread_runtime_is_explained() {
        let _one = serial();
        let check = Check::catching("Ex", || {
            let n = crate::runtime::run_current_thread(async { tokio::task::block_in_place(|| 1) });
            Check::new("Ex").that(n == 1, "never reached")
        });
        let verdict = check.to_string();
        assert!(
            verdict.starts_with("✘ Ex failed: your code panicked: "),
            "{verdict}"
        );
        assert!(
            verdict.contains("block_in_place only works on the multi-thread runtime"),
            "{verdict}"
        );
    }

    #[test]
    fn a_panic_in_a_task_is_added_unless_the_check_names_it() {
        let _one = serial();
        let in_task = |explain: bool| {
            Check::catching("Ex", || {
                let joined =
                    crate::runtime::run(async { tokio::spawn(async { panic!("boom") }).await });
                let hint = if explain {
                    "the task said boom"
                } else {
                    "no answer"
                };
                Check::new("Ex").that(joined.is_ok(), hint)
            })
        };
        assert_eq!(
            in_task(false).to_string().lines().collect::<Vec<_>>()[1],
            format!(
                "✘ Ex failed: a task or thread panicked: boom — {}",
                hint_for("boom")
            )
        );
        assert_eq!(in_task(true).to_string(), "✘ Ex failed: the task said boom");
    }

    #[test]
    fn catching_async_catches_a_panic_in_the_future() {
        let _one = serial();
        let check = crate::runtime::run(Check::catching_async("Ex", async {
            tokio::task::yield_now().await;
            let none: Option<u8> = std::hint::black_box(None);
            Check::new("Ex").that(none.unwrap() == 1, "never reached")
        }));
        assert!(check
            .to_string()
            .starts_with("✘ Ex failed: your code panicked: called `Option::unwrap()` on a `None` value — an unwrap() met None"));
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(escape_html("<a & b>"), "&lt;a &amp; b&gt;");
    }
}
