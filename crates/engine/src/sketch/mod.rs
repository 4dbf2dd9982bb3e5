//! Mergeable summaries for data that does not fit in memory ("sketch
//! mode", issue 19): each is built chunk by chunk, and the states of
//! chunks, files, threads or Spark partitions merge into the state of
//! their union. Exact where a summary can be (counts, moments, min/max);
//! where it cannot, the bound is stated beside the estimate.

mod hyperloglog;
mod top_counts;

pub use hyperloglog::{hash_bytes, HyperLogLog, HLL_PRECISION, HLL_RELATIVE_STANDARD_ERROR};
pub use top_counts::TopCounts;
