//! Deterministic random tree ensembles and rows (splitmix64), shared by the
//! TreeSHAP benchmark and the TreeSHAP tests: trees of a given depth over
//! `n_features`, with float32 or f64 splits, missing directions, covers that
//! add up, and early leaves when `leaf_chance > 0`.

#![allow(dead_code)] // each user takes what it needs

use tideline_engine::explain::{Ensemble, FeatureMatrix, Link, Missing, Node, Test, Tree};

/// splitmix64.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub n_trees: usize,
    pub depth: usize,
    pub n_features: usize,
    pub n_outputs: usize,
    /// Chance that a node below the root stops as a leaf early.
    pub leaf_chance: f64,
}

fn grow(rng: &mut Rng, shape: &Shape, nodes: &mut Vec<Node>, at: usize, depth: usize) {
    let cover = nodes[at].cover;
    if depth == shape.depth || (depth > 0 && rng.uniform() < shape.leaf_chance) {
        nodes[at].value = rng.uniform() * 2.0 - 1.0;
        return;
    }
    let feature = rng.below(shape.n_features) as u32;
    let threshold = rng.uniform();
    let test = if rng.below(2) == 0 { Test::Less(threshold as f32) } else { Test::LessEqual(threshold) };
    let missing = Missing::Nan { default_left: rng.below(2) == 0 };
    let share = 0.1 + 0.8 * rng.uniform();
    let left = nodes.len();
    nodes.push(Node::leaf(0.0, cover * share));
    nodes.push(Node::leaf(0.0, cover * (1.0 - share)));
    nodes[at] = Node { left: left as u32, right: left as u32 + 1, feature, test, missing, value: 0.0, cover };
    grow(rng, shape, nodes, left, depth + 1);
    grow(rng, shape, nodes, left + 1, depth + 1);
}

/// A random ensemble of `shape` from `seed`.
pub fn random_ensemble(seed: u64, shape: Shape) -> Ensemble {
    let mut rng = Rng(seed);
    let trees: Vec<Tree> = (0..shape.n_trees)
        .map(|_| {
            let mut nodes = vec![Node::leaf(0.0, 100.0 + 1000.0 * rng.uniform())];
            grow(&mut rng, &shape, &mut nodes, 0, 0);
            Tree { nodes }
        })
        .collect();
    Ensemble {
        features: (0..shape.n_features).map(|j| format!("f{j}")).collect(),
        tree_output: (0..shape.n_trees).map(|t| (t % shape.n_outputs) as u32).collect(),
        trees,
        base_margin: (0..shape.n_outputs).map(|k| 0.25 * k as f64 - 0.5).collect(),
        link: if shape.n_outputs > 1 { Link::Softmax } else { Link::Identity },
        objective: "random".into(),
    }
}

/// `n_rows` random rows over `model`'s features, uniform in [0, 1), a value
/// missing (NaN) with chance `missing`.
pub fn random_rows(seed: u64, model: &Ensemble, n_rows: usize, missing: f64) -> FeatureMatrix {
    let mut rng = Rng(seed);
    let m = model.features.len();
    let values = (0..n_rows * m).map(|_| if rng.uniform() < missing { f64::NAN } else { rng.uniform() }).collect();
    FeatureMatrix { features: model.features.clone(), n_rows, values }
}
