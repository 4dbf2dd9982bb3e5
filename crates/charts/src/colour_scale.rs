//! Colours that encode a value rather than a data set: the low→high scale of
//! a feature's value (beeswarm, dependence) and the sign of a contribution
//! (waterfall). The value scale is viridis, sequential and readable by
//! colour-blind readers, and shares no hue with the baseline (blue) and
//! current (orange) pair, so a low value is never read as "baseline".

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A contribution that raises the output: Okabe–Ito vermillion.
pub const POSITIVE: RGBColor = RGBColor(213, 94, 0);
/// A contribution that lowers the output: Okabe–Ito blue.
pub const NEGATIVE: RGBColor = RGBColor(0, 114, 178);
/// A missing feature value.
pub const MISSING: RGBColor = RGBColor(170, 170, 170);

/// The low → high scale: viridis at 0, ¼, ½, ¾ and 1 (dark purple, blue,
/// teal, green, yellow).
const STOPS: [RGBColor; 5] =
    [RGBColor(68, 1, 84), RGBColor(59, 82, 139), RGBColor(33, 145, 140), RGBColor(94, 201, 98), RGBColor(253, 231, 37)];

/// The colour of `t` in [0, 1] on the low → high scale (clamped; NaN is [`MISSING`]).
pub(crate) fn scale_colour(t: f64) -> RGBColor {
    if t.is_nan() {
        return MISSING;
    }
    let t = t.clamp(0.0, 1.0) * (STOPS.len() - 1) as f64;
    let i = (t.floor() as usize).min(STOPS.len() - 2);
    let (from, to, f) = (STOPS[i], STOPS[i + 1], t - i as f64);
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * f).round() as u8;
    RGBColor(mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2))
}

/// Where values sit on the colour scale: between the 5th and 95th
/// percentiles of the finite values, as shap does, so a few outliers do not
/// wash out the rest.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ValueScale {
    low: f64,
    high: f64,
}

impl ValueScale {
    /// The scale of `values`, or `None` when none is finite.
    pub(crate) fn of(values: &[f64]) -> Option<Self> {
        let mut finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        if finite.is_empty() {
            return None;
        }
        finite.sort_by(f64::total_cmp);
        let at = |q: f64| {
            let i = (q * (finite.len() - 1) as f64).round() as usize;
            finite.get(i).copied().unwrap_or(0.0)
        };
        let (mut low, mut high) = (at(0.05), at(0.95));
        if high <= low {
            // Too few distinct values for percentiles: use the full range.
            low = finite.first().copied().unwrap_or(0.0);
            high = finite.last().copied().unwrap_or(0.0);
        }
        Some(Self { low, high })
    }

    /// The colour of `value` (non-finite values are [`MISSING`]; a constant feature is mid-scale).
    pub(crate) fn colour(self, value: f64) -> RGBColor {
        if !value.is_finite() {
            return MISSING;
        }
        if self.high <= self.low {
            return scale_colour(0.5);
        }
        scale_colour((value - self.low) / (self.high - self.low))
    }
}

/// Number of steps the legend's colour bar is drawn with.
const LEGEND_STEPS: u32 = 24;

/// Draws the "feature value" legend in `area` (a narrow strip right of a
/// plot): a vertical bar from low (bottom) to high (top), and a grey swatch
/// for missing values when `show_missing`.
pub(crate) fn draw_value_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    show_missing: bool,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (i32::try_from(width).unwrap_or(0), i32::try_from(height).unwrap_or(0));
    let font = |size: u32| ("sans-serif", size).into_font().color(&BLACK);
    let centred = |size: u32| font(size).pos(Pos::new(HPos::Center, VPos::Center));
    let bar_left = 8;
    let bar_right = 22;
    let top = height / 5;
    let bottom = height * 3 / 5;
    // The title, one word per line, above the bar.
    let words: Vec<&str> = title.split_whitespace().collect();
    let first = top - 12 - 14 * i32::try_from(words.len()).unwrap_or(0);
    for (k, word) in (0..).zip(&words) {
        area.draw_text(word, &centred(12), (width / 2, first + 14 * k))?;
    }
    let span = f64::from(bottom - top);
    for step in 0..LEGEND_STEPS {
        let from = f64::from(step) / f64::from(LEGEND_STEPS);
        let to = f64::from(step + 1) / f64::from(LEGEND_STEPS);
        let (y0, y1) =
            ((f64::from(bottom) - span * to).round() as i32, (f64::from(bottom) - span * from).round() as i32);
        let colour = scale_colour((from + to) / 2.0);
        area.draw(&Rectangle::new([(bar_left, y0), (bar_right, y1)], colour.filled()))?;
    }
    let side = font(12).pos(Pos::new(HPos::Left, VPos::Center));
    area.draw_text("high", &side, (bar_right + 4, top + 4))?;
    area.draw_text("low", &side, (bar_right + 4, bottom - 4))?;
    if show_missing {
        let y = bottom + 22;
        area.draw(&Rectangle::new([(bar_left, y - 6), (bar_right, y + 6)], MISSING.filled()))?;
        area.draw_text("missing", &side, (bar_right + 4, y))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_runs_from_blue_through_purple_to_orange() {
        assert_eq!(scale_colour(0.0), STOPS[0]);
        assert_eq!(scale_colour(0.5), STOPS[2]);
        assert_eq!(scale_colour(1.0), STOPS[4]);
        assert_eq!(scale_colour(7.0), STOPS[4]);
        // Neither end is the baseline's or the current data's colour.
        for end in [STOPS[0], STOPS[4]] {
            assert!(end != crate::palette::BASELINE && end != crate::palette::CURRENT);
        }
        assert_eq!(scale_colour(f64::NAN), MISSING);
    }

    #[test]
    fn value_scale_uses_percentiles_and_greys_missing() {
        let values: Vec<f64> = (0..=100).map(f64::from).collect();
        let scale = ValueScale::of(&values).unwrap();
        assert_eq!(scale.colour(5.0), STOPS[0]);
        assert_eq!(scale.colour(95.0), STOPS[4]);
        assert_eq!(scale.colour(f64::NAN), MISSING);
        assert!(ValueScale::of(&[f64::NAN]).is_none());
        assert_eq!(ValueScale::of(&[3.0, 3.0]).unwrap().colour(3.0), STOPS[2]);
    }
}
