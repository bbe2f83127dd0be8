//! The vocabulary the features share, below all of them: how serious a finding is,
//! people's names and their order, typography. Nothing here knows a feature.

pub mod names;
pub mod severity;
pub mod typography;

pub use severity::Severity;
