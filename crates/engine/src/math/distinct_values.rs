//! A merged walk over the distinct values of two sorted samples: the shared
//! skeleton of every rank and empirical-CDF test, with no allocation.

/// One distinct value of the pooled sample and how often each side has it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Tie {
    /// The value.
    pub value: f64,
    /// How many reference values equal it.
    pub reference: usize,
    /// How many current values equal it.
    pub current: usize,
}

/// Iterator over the distinct values of two ascending slices, ascending.
pub(crate) struct DistinctValues<'a> {
    reference: &'a [f64],
    current: &'a [f64],
    i: usize,
    j: usize,
}

impl<'a> DistinctValues<'a> {
    /// Walks `reference` and `current`, both sorted ascending.
    pub fn new(reference: &'a [f64], current: &'a [f64]) -> Self {
        Self { reference, current, i: 0, j: 0 }
    }
}

/// Advances `pos` past every element equal to `value` and returns how many.
fn run_length(values: &[f64], pos: &mut usize, value: f64) -> usize {
    let start = *pos;
    while values.get(*pos).is_some_and(|&v| v == value) {
        *pos += 1;
    }
    *pos - start
}

impl Iterator for DistinctValues<'_> {
    type Item = Tie;

    fn next(&mut self) -> Option<Tie> {
        let value = match (self.reference.get(self.i), self.current.get(self.j)) {
            (Some(&a), Some(&b)) => a.min(b),
            (Some(&a), None) => a,
            (None, Some(&b)) => b,
            (None, None) => return None,
        };
        let reference = run_length(self.reference, &mut self.i, value);
        let current = run_length(self.current, &mut self.j, value);
        Some(Tie { value, reference, current })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_ties_across_both_sides() {
        let groups: Vec<_> = DistinctValues::new(&[1.0, 2.0, 2.0], &[2.0, 3.0]).collect();
        assert_eq!(
            groups,
            vec![
                Tie { value: 1.0, reference: 1, current: 0 },
                Tie { value: 2.0, reference: 2, current: 1 },
                Tie { value: 3.0, reference: 0, current: 1 },
            ]
        );
    }
}
