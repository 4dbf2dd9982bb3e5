//! Partial sort of row indices around the median, leaving the rows in the
//! order C++'s `std::nth_element` (libstdc++) leaves them.
//!
//! scikit-learn's `KDTree` splits every node with `std::nth_element` and keeps
//! the resulting order inside its leaves. When several training rows are at
//! the same distance from a query, that order decides which of them become
//! neighbours, so the k-d tree ([`super::kd_tree`]) reproduces it. The scheme
//! is introselect: median-of-three quickselect (pivot moved to the front,
//! Hoare-style partition of the rest), heap selection once the depth budget of
//! 2·⌊log₂ n⌋ rounds is spent, and a final sort of ranges of three or fewer.
//! Only the element order matters here; every step below is written for that.

/// Reorders `v` so that `v[nth]` holds the element a full sort would put
/// there, smaller ones before it and larger ones after it, with the exact
/// arrangement libstdc++'s `std::nth_element(v, v + nth, v + len, less)` gives.
///
/// `less` must be a strict total order (the tree breaks value ties by row
/// index), so the result is well defined. Out-of-range `nth` does nothing.
pub(crate) fn nth_element(v: &mut [usize], nth: usize, less: &impl Fn(usize, usize) -> bool) {
    let len = v.len();
    if nth < len {
        introselect(v, nth, 2 * len.ilog2(), less);
    }
}

/// Quickselect with a budget of `depth` partition rounds, then heap selection.
fn introselect(v: &mut [usize], nth: usize, mut depth: u32, less: &impl Fn(usize, usize) -> bool) {
    let (mut first, mut last) = (0, v.len());
    while last - first > 3 {
        if depth == 0 {
            heap_select(v, first, nth + 1, last, less);
            v.swap(first, nth);
            return;
        }
        depth -= 1;
        let cut = partition_around_median(v, first, last, less);
        if cut <= nth {
            first = cut;
        } else {
            last = cut;
        }
    }
    insertion_sort(v, first, last, less);
}

/// Moves the median of `v[first + 1]`, `v[mid]` and `v[last - 1]` to
/// `v[first]`, then partitions `v[first + 1..last]` around it; returns the
/// start of the upper part.
fn partition_around_median(v: &mut [usize], first: usize, last: usize, less: &impl Fn(usize, usize) -> bool) -> usize {
    let (a, b, c) = (first + 1, first + (last - first) / 2, last - 1);
    let median = if less(v[a], v[b]) {
        if less(v[b], v[c]) {
            b
        } else if less(v[a], v[c]) {
            c
        } else {
            a
        }
    } else if less(v[a], v[c]) {
        a
    } else if less(v[b], v[c]) {
        c
    } else {
        b
    };
    v.swap(first, median);
    let pivot = v[first];
    let (mut lo, mut hi) = (first + 1, last);
    loop {
        // The median of three guards both scans; the bounds only make a
        // broken comparator harmless.
        while lo < last && less(v[lo], pivot) {
            lo += 1;
        }
        hi -= 1;
        while hi > first && less(pivot, v[hi]) {
            hi -= 1;
        }
        if lo >= hi {
            return lo;
        }
        v.swap(lo, hi);
        lo += 1;
    }
}

/// Sorts `v[first..last]` (at most a few elements) by insertion.
fn insertion_sort(v: &mut [usize], first: usize, last: usize, less: &impl Fn(usize, usize) -> bool) {
    for i in first + 1..last {
        let value = v[i];
        let mut j = i;
        while j > first && less(value, v[j - 1]) {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = value;
    }
}

/// Leaves the `middle - first` smallest elements of `v[first..last]` in
/// `v[first..middle]` as a max-heap (the depth-budget fallback).
fn heap_select(v: &mut [usize], first: usize, middle: usize, last: usize, less: &impl Fn(usize, usize) -> bool) {
    let len = middle - first;
    if len >= 2 {
        for parent in (0..=(len - 2) / 2).rev() {
            let value = v[first + parent];
            sift(v, first, parent, len, value, less);
        }
    }
    for i in middle..last {
        if less(v[i], v[first]) {
            let value = v[i];
            v[i] = v[first];
            sift(v, first, 0, len, value, less);
        }
    }
}

/// Fills the hole at `hole` of the max-heap `v[base..base + len]` with
/// `value`: the hole first sinks to a leaf along the larger children, then
/// `value` rises from there (the order libstdc++'s heap functions produce).
fn sift(v: &mut [usize], base: usize, mut hole: usize, len: usize, value: usize, less: &impl Fn(usize, usize) -> bool) {
    let top = hole;
    let mut child = hole;
    while len >= 1 && child < (len - 1) / 2 {
        child = 2 * (child + 1);
        if less(v[base + child], v[base + child - 1]) {
            child -= 1;
        }
        v[base + hole] = v[base + child];
        hole = child;
    }
    if len.is_multiple_of(2) && len >= 2 && child == (len - 2) / 2 {
        child = 2 * (child + 1);
        v[base + hole] = v[base + child - 1];
        hole = child - 1;
    }
    while hole > top {
        let parent = (hole - 1) / 2;
        if !less(v[base + parent], value) {
            break;
        }
        v[base + hole] = v[base + parent];
        hole = parent;
    }
    v[base + hole] = value;
}

#[cfg(test)]
mod tests {
    use super::nth_element;

    #[test]
    fn the_nth_element_lands_in_place_with_smaller_before_and_larger_after() {
        let keys: [f64; 14] = [5.0, 1.0, 4.0, 1.0, 3.0, 9.0, 2.0, 6.0, 5.0, 3.0, 5.0, 8.0, 9.0, 7.0];
        let less = |a: usize, b: usize| if keys[a] == keys[b] { a < b } else { keys[a] < keys[b] };
        for nth in 0..keys.len() {
            let mut v: Vec<usize> = (0..keys.len()).collect();
            nth_element(&mut v, nth, &less);
            let mut sorted: Vec<usize> = (0..keys.len()).collect();
            sorted.sort_by(|&a, &b| keys[a].total_cmp(&keys[b]).then(a.cmp(&b)));
            assert_eq!(v[nth], sorted[nth]);
            assert!(v[..nth].iter().all(|&x| less(x, v[nth])));
            assert!(v[nth + 1..].iter().all(|&x| less(v[nth], x)));
        }
    }
}
