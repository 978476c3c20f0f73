//! Numbers as the course prints them, and the protocol that shows rich
//! output in a notebook.
//!
//! [`timing`](crate::timing) (durations, summary tables),
//! [`memory`](crate::memory) (byte counts), [`check`](crate::check)
//! (verdicts) and [`plot`](crate::plot) (axis ticks, bar labels, figures)
//! use this module; it uses none of them, so the dependency runs one way.

/// Formats rich output in the protocol the evcxr kernel reads from stdout:
/// one `EVCXR_BEGIN_CONTENT <mime>` … `EVCXR_END_CONTENT` block per MIME type.
pub(crate) fn display_block(parts: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (mime, body) in parts {
        out.push_str(&format!(
            "EVCXR_BEGIN_CONTENT {mime}\n{body}\nEVCXR_END_CONTENT\n"
        ));
    }
    out
}

/// `value` (expected in 1..1000, or larger for seconds) with four significant figures.
pub(crate) fn four_significant(value: f64) -> String {
    // Round first: 999.96 must become "1000", not "999.96" with 3 decimals.
    let digits_before_point = if value >= 1.0 {
        value.abs().log10().floor() as i32 + 1
    } else {
        1
    };
    let decimals = (4 - digits_before_point).max(0) as usize;
    format!("{value:.decimals$}")
}

/// A measured value for a label: four significant figures, with a k/M/G
/// suffix from 10,000 up (12233.4 → "12.23k", 100.574 → "100.6").
pub(crate) fn format_value(v: f64) -> String {
    let a = v.abs();
    if a == 0.0 {
        return "0".to_string();
    }
    for (scale, suffix) in [(1e9, "G"), (1e6, "M"), (1e4, "k")] {
        if a >= scale {
            let divisor = if suffix == "k" { 1e3 } else { scale };
            return format!("{}{suffix}", four_significant(v / divisor));
        }
    }
    four_significant(v)
}

/// Compact axis numbers: 1500 → "1.5k", 2e6 → "2M", 0.25 → "0.25".
pub(crate) fn format_number(v: f64) -> String {
    let a = v.abs();
    let (scaled, suffix) = if a >= 1e9 {
        (v / 1e9, "G")
    } else if a >= 1e6 {
        (v / 1e6, "M")
    } else if a >= 1e4 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    let mut s = format!("{scaled:.3}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if s == "-0" {
        s = "0".to_string();
    }
    format!("{s}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_numbers_are_compact() {
        let cases = [
            (0.0, "0"),
            (0.25, "0.25"),
            (1.0, "1"),
            (1500.0, "1500"),
            (10_000.0, "10k"),
            (125_000.0, "125k"),
            (2e6, "2M"),
            (-3.5, "-3.5"),
        ];
        for (v, want) in cases {
            assert_eq!(format_number(v), want);
        }
    }

    #[test]
    fn values_for_labels_keep_four_significant_figures() {
        assert_eq!(format_value(100.574), "100.6");
        assert_eq!(format_value(12_233.4), "12.23k");
        assert_eq!(format_value(472.0), "472.0");
        assert_eq!(format_value(0.0), "0");
        assert_eq!(format_value(2.5e6), "2.500M");
    }

    #[test]
    fn display_block_wraps_each_mime_type() {
        let out = display_block(&[("image/svg+xml", "<svg/>"), ("text/plain", "fig")]);
        assert_eq!(
            out,
            "EVCXR_BEGIN_CONTENT image/svg+xml\n<svg/>\nEVCXR_END_CONTENT\n\
             EVCXR_BEGIN_CONTENT text/plain\nfig\nEVCXR_END_CONTENT\n"
        );
    }
}
