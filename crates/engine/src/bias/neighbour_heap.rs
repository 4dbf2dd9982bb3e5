//! The k nearest rows found so far for one query, kept the way
//! scikit-learn's neighbour searches keep them.
//!
//! It is a fixed-size max-heap of squared distances whose slots start at +∞.
//! A candidate enters only if it is strictly closer than the current
//! farthest (the root), which it replaces before sinking. Among rows at the
//! same distance, which ones stay therefore depends on the order they arrive
//! in and on the heap's shape; the k-d tree and the brute-force scan both feed
//! this heap so that ties resolve as in scikit-learn 1.9.

/// The k closest rows pushed so far, as a max-heap on squared distance.
#[derive(Clone, Debug)]
pub(crate) struct NeighbourHeap {
    distances: Vec<f64>,
    rows: Vec<usize>,
    /// The smallest distance refused or pushed out so far.
    nearest_left_out: f64,
}

impl NeighbourHeap {
    /// An empty heap for `k` neighbours: every slot at +∞.
    pub(crate) fn new(k: usize) -> Self {
        Self { distances: vec![f64::INFINITY; k], rows: vec![0; k], nearest_left_out: f64::INFINITY }
    }

    /// Empties the heap for the next query.
    pub(crate) fn clear(&mut self) {
        self.distances.fill(f64::INFINITY);
        self.rows.fill(0);
        self.nearest_left_out = f64::INFINITY;
    }

    /// The squared distance a row must beat to enter (+∞ until full).
    pub(crate) fn largest(&self) -> f64 {
        self.distances.first().copied().unwrap_or(f64::NEG_INFINITY)
    }

    /// Whether a row offered and not kept is as close as the farthest row
    /// kept: then the k nearest are not unique and the arrival order chose.
    pub(crate) fn tied_at_kth(&self) -> bool {
        self.nearest_left_out <= self.largest()
    }

    /// The rows held, in heap order.
    pub(crate) fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// Offers `row` at squared distance `distance`: it replaces the farthest
    /// row if strictly closer, then sinks below every larger child, taking
    /// the left child when both are equal.
    #[inline]
    pub(crate) fn push(&mut self, distance: f64, row: usize) {
        let size = self.distances.len();
        if size == 0 || distance >= self.distances[0] {
            self.nearest_left_out = self.nearest_left_out.min(distance);
            return;
        }
        self.nearest_left_out = self.nearest_left_out.min(self.distances[0]);
        let mut hole = 0;
        loop {
            let left = 2 * hole + 1;
            let right = left + 1;
            let child = if left >= size {
                break;
            } else if right >= size || self.distances[left] >= self.distances[right] {
                left
            } else {
                right
            };
            if distance >= self.distances[child] {
                break;
            }
            self.distances[hole] = self.distances[child];
            self.rows[hole] = self.rows[child];
            hole = child;
        }
        self.distances[hole] = distance;
        self.rows[hole] = row;
    }
}

#[cfg(test)]
mod tests {
    use super::NeighbourHeap;

    #[test]
    fn keeps_the_k_closest_and_the_first_of_equal_ones() {
        let mut heap = NeighbourHeap::new(3);
        for (row, d) in [4.0, 1.0, 3.0, 2.0, 3.0, 0.5, 2.0].into_iter().enumerate() {
            heap.push(d, row);
        }
        let mut rows = heap.rows().to_vec();
        rows.sort_unstable();
        // 0.5 (row 5), 1 (row 1), and of the two 2s the first one (row 3).
        assert_eq!(rows, vec![1, 3, 5]);
        assert_eq!(heap.largest(), 2.0);
        assert!(heap.tied_at_kth());
        heap.clear();
        for (row, d) in [4.0, 1.0, 3.0, 2.0, 0.5].into_iter().enumerate() {
            heap.push(d, row);
        }
        assert!(!heap.tied_at_kth());
        heap.clear();
        assert_eq!(heap.largest(), f64::INFINITY);
    }
}
