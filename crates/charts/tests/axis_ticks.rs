//! Charts read at a glance: numeric axes carry round tick values (a step of
//! 1, 2, 2.5 or 5 × 10^k, never a bin edge like 19,988.6), and no text runs
//! past the picture's edges (the last date of a timeline, a long legend).

use tideline_charts::{histogram_svg, series_chart_svg, SeriesChart};
use tideline_engine::histogram::compare;
use tideline_engine::io::{load_bytes, LoadOptions};
use tideline_engine::timeline::{AlertRule, CheckTimeline, Threshold};

/// One `<text>` of an SVG: its anchor point, anchor, font size and words.
#[derive(Debug)]
struct Text {
    x: f64,
    y: f64,
    anchor: String,
    size: f64,
    words: String,
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(tag[start..].split('"').next()?.to_owned())
}

fn texts(svg: &str) -> Vec<Text> {
    svg.split("<text")
        .skip(1)
        .filter_map(|part| {
            let (tag, rest) = part.split_once('>')?;
            let words = rest.split("</text>").next()?.trim().to_owned();
            Some(Text {
                x: attribute(tag, "x")?.parse().ok()?,
                y: attribute(tag, "y")?.parse().ok()?,
                anchor: attribute(tag, "text-anchor").unwrap_or_else(|| "start".into()),
                size: attribute(tag, "font-size")?.parse().ok()?,
                words,
            })
        })
        .collect()
}

/// Every text's horizontal extent (at a generous 0.6 em per character, a
/// rotated text at its height) lies inside `width`.
fn nothing_clipped(svg: &str, width: f64) {
    for t in texts(svg) {
        if t.words.is_empty() {
            continue;
        }
        let w = t.words.chars().count() as f64 * t.size * 0.6;
        let (left, right) = match t.anchor.as_str() {
            "middle" => (t.x - w / 2.0, t.x + w / 2.0),
            "end" => (t.x - w, t.x),
            _ => (t.x, t.x + w),
        };
        let rotated = svg.contains(&format!("rotate(270, {}, {})", t.x, t.y));
        let (left, right) = if rotated { (t.x - t.size, t.x + t.size) } else { (left, right) };
        assert!(left >= -0.5 && right <= width + 0.5, "{:?} runs from {left:.0} to {right:.0} px of {width}", t.words);
    }
}

/// True when `step` is 1, 2, 2.5 or 5 times a power of ten.
fn round_step(step: f64) -> bool {
    let power = 10_f64.powf(step.abs().log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().any(|m| (step / power - m).abs() < 1e-6)
}

/// The x-axis tick values (centred numbers below the plot), left to right.
fn x_ticks(svg: &str, below: f64) -> Vec<f64> {
    texts(svg)
        .into_iter()
        .filter(|t| t.anchor == "middle" && t.y > below)
        .filter_map(|t| t.words.replace(',', "").parse::<f64>().ok())
        .collect()
}

fn assert_round(ticks: &[f64]) {
    assert!(ticks.len() >= 3, "{ticks:?}");
    let step = ticks[1] - ticks[0];
    assert!(round_step(step), "step {step} of {ticks:?}");
    for pair in ticks.windows(2) {
        assert!(((pair[1] - pair[0]) - step).abs() < step * 1e-6, "uneven ticks {ticks:?}");
    }
    for t in ticks {
        assert!((t / step - (t / step).round()).abs() < 1e-6, "{t} is not a multiple of {step}");
    }
}

#[test]
fn a_numeric_histogram_has_round_ticks_not_bin_edges() {
    // Car prices: edges fall at 19,988.6, 25,311.0, …
    let base: String = (0..200).map(|i| format!("{:.1}\n", 19_988.6 + 266.2 * f64::from(i))).collect();
    let cur: String = (0..150).map(|i| format!("{:.1}\n", 25_000.3 + 301.7 * f64::from(i))).collect();
    let a = load_bytes("a.csv", format!("price\n{base}").as_bytes(), LoadOptions::default()).unwrap().table;
    let b = load_bytes("b.csv", format!("price\n{cur}").as_bytes(), LoadOptions::default()).unwrap().table;
    let h = compare(a.column("price"), b.column("price"), 10).unwrap();
    assert!(h.edges.iter().any(|e| e.fract() != 0.0), "awkward edges {:?}", h.edges);
    for (width, height) in [(640, 320), (420, 260)] {
        let svg = histogram_svg(&h, width, height).unwrap();
        let ticks = x_ticks(&svg, f64::from(height) - 40.0);
        assert_round(&ticks);
        nothing_clipped(&svg, f64::from(width));
    }
}

#[test]
fn a_timeline_chart_keeps_its_last_date_and_its_legend_off_the_data() {
    let threshold = Threshold { lower: None, upper: Some(0.1) };
    let values: Vec<f64> = (0..56).map(|i| 0.05 + f64::from(i) * 0.002).collect();
    let series =
        CheckTimeline::from_values("drift:income:jensen_shannon", Some(0.0), &values, threshold, AlertRule::default());
    let labels: Vec<String> = (0..56).map(|i| format!("2026-{:02}-{:02}", 4 + i / 30, 1 + i % 30)).collect();
    let chart = SeriesChart { series: &series, companion: None, labels: &labels, selected: None };
    for (width, height) in [(1100, 360), (640, 320)] {
        let svg = series_chart_svg(&chart, width, height).unwrap();
        nothing_clipped(&svg, f64::from(width));
        // The legend is a strip above the plot: every legend word sits above
        // the highest tick label of the y axis.
        let top_tick = texts(&svg).into_iter().filter(|t| t.anchor == "end").map(|t| t.y).fold(f64::MAX, f64::min);
        for t in texts(&svg).into_iter().filter(|t| t.words.starts_with("passes") || t.words.starts_with("violation")) {
            assert!(t.y < top_tick, "legend {:?} at y {} is inside the plot (top tick at {top_tick})", t.words, t.y);
        }
    }
}
