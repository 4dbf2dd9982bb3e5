//! Evidently 0.7.23's drift stattests, each equal to the scipy (or numpy)
//! call Evidently makes: [`numeric`] tests on sorted present values,
//! [`categorical`] tests on category counts and [`binned`] distances on
//! binned data (for either kind). Each file names the stattest it reproduces
//! and the call behind it.

pub mod binned;
pub mod categorical;
pub mod numeric;
