//! Journée's core: the project file and every rule about it, with no window and no Tauri.
//!
//! ```no_run
//! use journee::{Project, Template};
//! let project = Project::create("journee.journee".as_ref(), Template::CivicTech2019, false)?;
//! let day = project.day()?;
//! assert_eq!(day.rooms[0].name, "Hémicycle");
//! # Ok::<(), journee::Error>(())
//! ```

pub mod backup;
pub mod common;
pub mod demo;
mod edit;
mod error;
mod history;
pub mod import;
pub mod info;
pub mod model;
pub mod output;
pub mod people;
pub mod print;
pub mod programme;
mod project;
pub mod recent;
pub mod review;
pub mod safe_text;
pub mod seating;
pub mod share;
mod store;
pub mod template;
pub mod user_data;
pub mod words;

pub use error::{io_cause, EditError, Error, Result, Trouble};
pub use project::Project;
pub use store::SCHEMA_VERSION;
pub use template::Template;
