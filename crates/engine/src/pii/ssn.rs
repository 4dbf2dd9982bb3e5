//! US Social Security numbers: `AAA-GG-SSSS` (or spaces), with the Social
//! Security Administration's rules: the area is not 000, 666 or 900–999, the
//! group not 00, the serial not 0000. Nine bare digits count only in a
//! column whose header says SSN.

use std::ops::Range;

use super::text::{digit_runs, one_separator};

/// True when the nine digits are an SSN the SSA could issue.
fn valid(digits: &str) -> bool {
    let area: u32 = digits[..3].parse().unwrap_or(0);
    area != 0 && area != 666 && area < 900 && &digits[3..5] != "00" && &digits[5..] != "0000"
}

/// Pushes the span of every SSN in `cell`; `hinted` accepts nine bare digits.
pub(super) fn find(cell: &str, hinted: bool, out: &mut Vec<Range<usize>>) {
    for run in digit_runs(cell, b" -") {
        let shaped = (run.groups == [3, 2, 4] && one_separator(&run)) || (hinted && run.groups == [9]);
        if shaped && valid(&run.digits) {
            out.push(run.span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pii::text::matched;

    fn found(cell: &str, hinted: bool) -> Vec<&str> {
        matched(cell, |out| find(cell, hinted, out))
    }

    #[test]
    fn issued_shapes_are_found() {
        assert_eq!(found("SSN 123-45-6789.", false), ["123-45-6789"]);
        assert_eq!(found("123456789", true), ["123456789"]);
    }

    #[test]
    fn unissued_and_unhinted_numbers_are_not() {
        for cell in
            ["000-12-3456", "666-12-3456", "912-34-5678", "123-00-4567", "123-45-0000", "123456789", "123-45 6789"]
        {
            assert!(found(cell, false).is_empty(), "{cell}");
        }
    }
}
