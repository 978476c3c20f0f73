//! Verdicts for the claims the prose makes.
//!
//! When a chapter says "a task is tens of times cheaper to spawn than a
//! thread", the cell that measures it prints the claim, the value this run
//! measured, and whether the claim held, so a reader whose machine
//! disagrees sees it at once:
//!
//! ```text
//! ✔ claim holds: spawning a task is at least 10× cheaper than a thread (measured 41.3×)
//! ✘ claim fails on this machine: ... (measured 6.2×)
//! ? claim untested: ... (why it could not be measured)
//! ```
//!
//! Unlike an exercise's [`Check`](crate::check::Check), a claim that fails
//! is not an error in the notebook: a busy or unusual machine can make it
//! fail. The course's test suite collects these lines from every executed
//! notebook and lists the claims that did not hold.
//!
//! ```
//! use helpers::prelude::*;
//!
//! let (thread_us, task_us) = (42.0, 0.7);
//! let claim = Claim::at_least("a task is tens of times cheaper to spawn than a thread",
//!                             thread_us / task_us, 10.0);
//! assert_eq!(claim.verdict(), Some(true));
//! assert_eq!(claim.to_string(),
//!     "✔ claim holds: a task is tens of times cheaper to spawn than a thread \
//!      (measured 60.0×, needs at least 10×)");
//! ```

use std::fmt;

use crate::display::display_block;

/// A statement from a chapter's prose, the value a cell measured for it and
/// whether the statement held. Printed as one line; shown as text when it
/// is a cell's last expression.
///
/// ```
/// use helpers::prelude::*;
///
/// let r_squared = 0.997;
/// let claim = Claim::new("memory grows linearly with the number of tasks")
///     .measured(format!("R² = {r_squared}"))
///     .holds_if(r_squared > 0.98);
/// assert!(claim.to_string().starts_with("✔ claim holds: memory grows linearly"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    statement: String,
    measured: Option<String>,
    outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    /// `holds_if` was never called.
    Unjudged,
    Judged(bool),
    Untested(String),
}

impl Claim {
    /// Starts a claim with the statement as the prose makes it.
    ///
    /// ```
    /// let claim = helpers::claim::Claim::new("tasks are cheap");
    /// assert_eq!(claim.verdict(), None);
    /// ```
    pub fn new(statement: &str) -> Self {
        Claim {
            statement: statement.to_string(),
            measured: None,
            outcome: Outcome::Unjudged,
        }
    }

    /// Says what this run measured, in the words and units that make the
    /// verdict checkable ("41×", "p99 = 1.2 ms", "R² = 0.998").
    ///
    /// ```
    /// let claim = helpers::claim::Claim::new("x").measured("3 ms").holds_if(true);
    /// assert!(claim.to_string().ends_with("(measured 3 ms)"));
    /// ```
    pub fn measured(mut self, value: impl fmt::Display) -> Self {
        self.measured = Some(value.to_string());
        self
    }

    /// Gives the verdict: whether the measurement bears the claim out.
    ///
    /// ```
    /// let claim = helpers::claim::Claim::new("2 > 3").measured("2 vs 3").holds_if(2 > 3);
    /// assert_eq!(claim.to_string(), "✘ claim fails on this machine: 2 > 3 (measured 2 vs 3)");
    /// ```
    pub fn holds_if(mut self, condition: bool) -> Self {
        self.outcome = Outcome::Judged(condition);
        self
    }

    /// Marks the claim as not measured here, and says why (a file this
    /// system lacks, a measurement too noisy to judge, ...).
    ///
    /// ```
    /// let claim = helpers::claim::Claim::new("threads are limited by vm.max_map_count")
    ///     .untested("/proc/sys/vm/max_map_count is not readable here");
    /// assert_eq!(claim.verdict(), None);
    /// assert!(claim.to_string().starts_with("? claim untested:"));
    /// ```
    pub fn untested(mut self, reason: &str) -> Self {
        self.outcome = Outcome::Untested(reason.to_string());
        self
    }

    /// A claim that a ratio is at least `bound` ("tens of times faster":
    /// at least 10). A ratio that is not a finite number (a division by a
    /// zero measurement) leaves the claim untested rather than judged.
    ///
    /// ```
    /// use helpers::claim::Claim;
    ///
    /// assert_eq!(Claim::at_least("faster", 3.0, 2.0).verdict(), Some(true));
    /// assert_eq!(Claim::at_least("faster", 1.5, 2.0).verdict(), Some(false));
    /// assert_eq!(Claim::at_least("faster", f64::INFINITY, 2.0).verdict(), None);
    /// ```
    pub fn at_least(statement: &str, ratio: f64, bound: f64) -> Self {
        Self::ratio(statement, ratio, bound..=f64::INFINITY)
    }

    /// A claim that a ratio is at most `bound` ("within twice the cost":
    /// at most 2). Not-a-number leaves it untested, as for
    /// [`at_least`](Self::at_least).
    ///
    /// ```
    /// use helpers::claim::Claim;
    ///
    /// let claim = Claim::at_most("the multi-thread runtime costs at most 3× more", 1.8, 3.0);
    /// assert!(claim.to_string().ends_with("(measured 1.80×, needs at most 3×)"));
    /// ```
    pub fn at_most(statement: &str, ratio: f64, bound: f64) -> Self {
        Self::ratio(statement, ratio, 0.0..=bound)
    }

    /// A claim that a ratio lies in `range` ("about the same": 0.8..=1.25).
    ///
    /// ```
    /// use helpers::claim::Claim;
    ///
    /// let claim = Claim::between("both take about as long", 1.1, 0.8..=1.25);
    /// assert_eq!(claim.verdict(), Some(true));
    /// assert!(claim.to_string().ends_with("(measured 1.10×, needs 0.8× to 1.25×)"));
    /// ```
    pub fn between(statement: &str, ratio: f64, range: std::ops::RangeInclusive<f64>) -> Self {
        Self::ratio(statement, ratio, range)
    }

    fn ratio(statement: &str, ratio: f64, range: std::ops::RangeInclusive<f64>) -> Self {
        let (lo, hi) = (*range.start(), *range.end());
        let needs = match (lo > 0.0, hi.is_finite()) {
            // Bounds are written as given: 10, 0.8, 1.25.
            (true, false) => format!("needs at least {lo}×"),
            (false, true) => format!("needs at most {hi}×"),
            _ => format!("needs {lo}× to {hi}×"),
        };
        let claim = Claim::new(statement);
        if !ratio.is_finite() {
            return claim.untested(&format!(
                "the measured ratio is {ratio}: one of the two measurements was zero or missing"
            ));
        }
        claim
            .measured(format!("{}×, {needs}", ratio_text(ratio)))
            .holds_if(range.contains(&ratio))
    }

    /// `Some(true)` if the claim held, `Some(false)` if it did not, `None`
    /// if it was not judged or could not be tested.
    ///
    /// ```
    /// use helpers::claim::Claim;
    ///
    /// assert_eq!(Claim::new("x").holds_if(false).verdict(), Some(false));
    /// assert_eq!(Claim::new("x").untested("no data").verdict(), None);
    /// ```
    pub fn verdict(&self) -> Option<bool> {
        match self.outcome {
            Outcome::Judged(held) => Some(held),
            Outcome::Unjudged | Outcome::Untested(_) => None,
        }
    }

    /// Shows the verdict when the claim is a cell's last expression.
    ///
    /// ```
    /// helpers::claim::Claim::new("shown").holds_if(true).evcxr_display();
    /// ```
    pub fn evcxr_display(&self) {
        print!("{}", display_block(&[("text/plain", &self.to_string())]));
    }
}

/// A measured ratio at three significant figures (0.512, 4.20, 41.3, 170).
fn ratio_text(x: f64) -> String {
    match x.abs() {
        a if a >= 100.0 => format!("{x:.0}"),
        a if a >= 10.0 => format!("{x:.1}"),
        _ => format!("{x:.2}"),
    }
}

impl fmt::Display for Claim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let measured = |f: &mut fmt::Formatter<'_>| match &self.measured {
            Some(m) => write!(f, " (measured {m})"),
            None => Ok(()),
        };
        match &self.outcome {
            Outcome::Judged(true) => write!(f, "✔ claim holds: {}", self.statement)?,
            Outcome::Judged(false) => {
                write!(f, "✘ claim fails on this machine: {}", self.statement)?
            }
            Outcome::Untested(why) => {
                return write!(f, "? claim untested: {} ({why})", self.statement);
            }
            Outcome::Unjudged => {
                return write!(
                    f,
                    "? claim untested: {} (the cell gave no verdict: call holds_if)",
                    self.statement
                );
            }
        }
        measured(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_starts_with_a_mark_the_test_suite_reads() {
        let lines = [
            Claim::at_least("a", 12.0, 10.0).to_string(),
            Claim::at_least("b", 8.0, 10.0).to_string(),
            Claim::at_least("c", f64::NAN, 10.0).to_string(),
            Claim::new("d").to_string(),
        ];
        assert!(lines[0].starts_with("✔ claim holds: a (measured 12.0×"));
        assert!(lines[1].starts_with("✘ claim fails on this machine: b (measured 8.00×"));
        assert!(lines[2].starts_with("? claim untested: c (the measured ratio is NaN"));
        assert!(lines[3].starts_with("? claim untested: d (the cell gave no verdict"));
        assert!(lines.iter().all(|l| !l.contains('\n')));
    }

    #[test]
    fn bounds_are_inclusive_and_negative_ratios_fail() {
        assert_eq!(Claim::at_least("x", 10.0, 10.0).verdict(), Some(true));
        assert_eq!(Claim::at_most("x", 2.0, 2.0).verdict(), Some(true));
        assert_eq!(Claim::at_most("x", -1.0, 2.0).verdict(), Some(false));
        assert_eq!(Claim::between("x", 1.26, 0.8..=1.25).verdict(), Some(false));
    }

    #[test]
    fn a_later_verdict_replaces_an_earlier_one() {
        let claim = Claim::new("x").untested("not yet").holds_if(true);
        assert_eq!(claim.verdict(), Some(true));
    }
}
