//! Where a chart drew its windows, in the pixels of the drawing area, so a
//! page can tell which window a click on the canvas meant.

/// The pixel x of each window's centre, left to right, and how wide a
/// window's column is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WindowColumns {
    /// Window `i`'s centre, in pixels from the left of the drawing area.
    pub centres: Vec<i32>,
    /// Half a column's width, in pixels.
    pub half_width: f64,
}

impl WindowColumns {
    /// The window whose column holds pixel `x` (columns are one window
    /// wide, centred on the window), or `None` left or right of them all.
    #[must_use]
    pub fn window_at(&self, x: f64) -> Option<usize> {
        let (index, distance) =
            self.centres.iter().map(|&c| (x - f64::from(c)).abs()).enumerate().min_by(|a, b| a.1.total_cmp(&b.1))?;
        (distance <= self.half_width).then_some(index)
    }
}

#[cfg(test)]
mod tests {
    use super::WindowColumns;

    #[test]
    fn a_click_maps_to_the_nearest_column_within_half_a_step() {
        let columns = WindowColumns { centres: vec![100, 140, 180], half_width: 20.0 };
        assert_eq!(columns.window_at(100.0), Some(0));
        assert_eq!(columns.window_at(119.0), Some(0));
        assert_eq!(columns.window_at(121.0), Some(1));
        assert_eq!(columns.window_at(199.0), Some(2));
        assert_eq!(columns.window_at(201.0), None);
        assert_eq!(columns.window_at(79.0), None);
        assert_eq!(WindowColumns::default().window_at(5.0), None);
        let one = WindowColumns { centres: vec![50], half_width: 30.0 };
        assert_eq!((one.window_at(79.0), one.window_at(81.0)), (Some(0), None));
    }
}
