//! scikit-learn's `KNeighborsClassifier(n_neighbors=k)` with its defaults
//! (uniform weights, Minkowski p = 2, `algorithm="auto"`, leaf_size 30) for
//! boolean labels: the model the flip test trains.
//!
//! `algorithm="auto"` searches by brute force when there are more than 15
//! features or `k ≥ n/2` training rows, and with a k-d tree otherwise. The
//! two keep different rows when several sit at the k-th distance, so both are
//! reproduced. The vote is a majority (the smaller label, `false`, on a tied
//! vote, which k = 1 or 5 never produces with two labels).
//!
//! Ties, as checked against scikit-learn 1.9.1 on thousands of data sets of
//! small integers:
//! - k-d tree: identical. The tree ([`KdTree`]) is scikit-learn's, row order
//!   within leaves included, and so is the search order.
//! - brute force: scikit-learn's float64 path offers the training rows in row
//!   order to the heap ([`NeighbourHeap`]), which is reproduced; with many
//!   rows the tree finds the neighbours and the row-order scan runs only for
//!   queries tied at the k-th distance. It can differ from scikit-learn in
//!   three cases: scikit-learn computes these distances as ‖x‖² − 2x·y + ‖y‖²
//!   with BLAS, so near-equal non-integer distances may order otherwise; with
//!   more than 256 training rows and no more queries than training rows (nor
//!   than 1,024 per thread), it splits the training rows among its threads
//!   and merges their heaps, so ties depend on the machine's thread count;
//!   and when every feature column has an
//!   integer dtype it ranks with numpy's `argpartition` instead, whose order
//!   among equal distances depends on the CPU's SIMD sort.

use super::kd_tree::KdTree;
use super::neighbour_heap::NeighbourHeap;

/// Above this many features, scikit-learn's `auto` uses brute force.
const MAX_TREE_FEATURES: usize = 15;

/// Brute-force searches over more training rows than this go through the
/// tree, with a full scan only on ties.
const MAX_PLAIN_SCAN_ROWS: usize = 64;

/// Below this many queries per thread, threads cost more than they save.
#[cfg(not(target_arch = "wasm32"))]
const MIN_QUERIES_PER_THREAD: usize = 4096;

/// How neighbours are found, as scikit-learn's `algorithm="auto"` decides.
#[derive(Clone, Debug)]
enum Search {
    /// scikit-learn's `kd_tree`.
    Tree(KdTree),
    /// scikit-learn's `brute`, accelerated by a tree when there are many rows.
    Brute(Option<KdTree>),
}

/// A fitted k-nearest-neighbour classifier of boolean labels.
#[derive(Clone, Debug)]
pub(crate) struct KnnClassifier {
    /// Training rows, row-major, in their original order.
    train: Vec<f64>,
    n_features: usize,
    labels: Vec<bool>,
    k: usize,
    search: Search,
}

impl KnnClassifier {
    /// Fits on `train` (row-major, `n_features` finite values per row, one
    /// label per row) with `k` neighbours, `1 ≤ k ≤` the number of rows.
    pub(crate) fn fit(train: Vec<f64>, n_features: usize, labels: Vec<bool>, k: usize) -> Self {
        let n = labels.len();
        let search = if n_features > MAX_TREE_FEATURES || k >= n / 2 {
            Search::Brute((n > MAX_PLAIN_SCAN_ROWS).then(|| KdTree::new(&train, n_features)))
        } else {
            Search::Tree(KdTree::new(&train, n_features))
        };
        Self { train, n_features, labels, k, search }
    }

    /// The predicted label of every row of `queries` (row-major), using all
    /// cores natively.
    pub(crate) fn predict(&self, queries: &[f64]) -> Vec<bool> {
        if self.n_features == 0 {
            return Vec::new();
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let n = queries.len() / self.n_features;
            let threads = std::thread::available_parallelism()
                .map_or(1, std::num::NonZeroUsize::get)
                .min(n / MIN_QUERIES_PER_THREAD);
            if threads > 1 {
                let chunk = n.div_ceil(threads) * self.n_features;
                return std::thread::scope(|scope| {
                    let running: Vec<_> = queries
                        .chunks(chunk)
                        .map(|part| (part, scope.spawn(move || self.predict_serially(part))))
                        .collect();
                    running
                        .into_iter()
                        .flat_map(|(part, handle)| handle.join().unwrap_or_else(|_| self.predict_serially(part)))
                        .collect()
                });
            }
        }
        self.predict_serially(queries)
    }

    fn predict_serially(&self, queries: &[f64]) -> Vec<bool> {
        let mut heap = NeighbourHeap::new(self.k);
        queries
            .chunks_exact(self.n_features)
            .map(|point| {
                self.neighbours(point, &mut heap);
                let positives = heap.rows().iter().filter(|&&row| self.labels.get(row) == Some(&true)).count();
                2 * positives > self.k
            })
            .collect()
    }

    /// Fills `heap` with the neighbours scikit-learn would pick for `point`.
    fn neighbours(&self, point: &[f64], heap: &mut NeighbourHeap) {
        match &self.search {
            Search::Tree(tree) => tree.query(point, heap),
            Search::Brute(Some(tree)) => {
                tree.query(point, heap);
                // The k nearest are unique unless more rows share the k-th
                // distance; only then does the scan order matter.
                if heap.tied_at_kth() {
                    self.scan(point, heap);
                }
            }
            Search::Brute(None) => self.scan(point, heap),
        }
    }

    /// scikit-learn's brute force: every training row, in row order.
    fn scan(&self, point: &[f64], heap: &mut NeighbourHeap) {
        heap.clear();
        for (row, values) in self.train.chunks_exact(self.n_features).enumerate() {
            let distance: f64 = point.iter().zip(values).map(|(x, y)| (x - y) * (x - y)).fold(0.0, |sum, d| sum + d);
            heap.push(distance, row);
        }
    }
}
