//! Mergeable summaries for data that does not fit in memory ("sketch
//! mode", issue 19): each is built chunk by chunk, and the states of
//! chunks, files, threads or Spark partitions merge into the state of
//! their union. Exact where a summary can be (counts, moments, min/max);
//! where it cannot, the bound is stated beside the estimate.

mod column_kind;
mod dataset_state;
mod hyperloglog;
#[cfg(not(target_arch = "wasm32"))]
mod profile_file;
pub(crate) mod sorted_map;
mod state_file;
mod top_counts;

pub use column_kind::profile_kind;
pub use dataset_state::{DatasetState, StateBuilder, DEFAULT_CATEGORY_CAPACITY};
#[cfg(not(target_arch = "wasm32"))]
pub use profile_file::{chunk_bytes, profile_file};
pub use state_file::{decode_state, decode_state_body, encode_state, is_state, StateError, STATE_MAGIC, STATE_VERSION};

pub use hyperloglog::{hash_bytes, hash_number, HyperLogLog, HLL_PRECISION, HLL_RELATIVE_STANDARD_ERROR};
pub use top_counts::TopCounts;
