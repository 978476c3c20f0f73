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

use std::fmt;

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

    #[test]
    fn html_is_escaped() {
        assert_eq!(escape_html("<a & b>"), "&lt;a &amp; b&gt;");
    }
}
