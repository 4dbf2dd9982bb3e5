//! First guesses built from the data, so that every view shows a result as
//! soon as files are loaded, always editable by the user: the model's
//! label, prediction and score columns ([`guess_model_columns`]), a Clarify
//! bias analysis ([`guess_bias_config`]) and a monitoring timeline
//! ([`guess_timeline_config`]). Column roles themselves are guessed in
//! [`crate::roles`].

mod bias_config;
mod model_columns;
mod timeline_config;

pub use bias_config::{guess_bias_config, guess_value, set_all_methods};
pub use model_columns::guess_model_columns;
pub use timeline_config::guess_timeline_config;
