//! Reviewing the answers: listing and finding them (`query`), statuses, reviewers'
//! scores and notes, tags, and the balance of actors (`balance`).

mod balance;
mod query;

pub use balance::{ActorLine, Balance, Targets};
pub use query::Query;

// What the review screen shows are plain data, in the model; here for the paths the
// features already use.
pub use crate::model::{Contributor, Review, SessionRef, SubmissionView};

use crate::error::{EditError, Result};
use crate::model::{CorrectableField, Status};
use crate::store;
use crate::Project;

impl Project {
    /// The submissions, oldest first, optionally only those with `status`.
    pub fn submissions(&self, status: Option<Status>) -> Result<Vec<SubmissionView>> {
        store::read_submission_views(&self.conn, status)
    }

    /// The submissions `query` finds, in the order of `submissions`.
    pub fn find_submissions(&self, query: &Query) -> Result<Vec<SubmissionView>> {
        Ok(self
            .submissions(None)?
            .into_iter()
            .filter(|s| query.matches(s))
            .collect())
    }

    /// Gives `status` to several submissions at once, all or none.
    pub fn set_statuses(&mut self, ids: &[i64], status: Status) -> Result<()> {
        let label = match ids {
            [one] => format!(
                "Statut «\u{a0}{}\u{a0}» de {}",
                status.label_fr(),
                self.submission_name(*one)
            ),
            many => format!(
                "Statut «\u{a0}{}\u{a0}» de {}\u{a0}contributions",
                status.label_fr(),
                many.len()
            ),
        };
        self.recorded(&label, ids, &[], |tx| {
            for &id in ids {
                if !store::set_status(tx, id, status)? {
                    return Err(EditError::SubmissionNotFound(id).into());
                }
            }
            Ok(())
        })
    }

    /// « « Title » », or « la contribution N » without a title, for undo's labels.
    fn submission_name(&self, id: i64) -> String {
        let title = store::submission_title(&self.conn, id).ok().flatten();
        match title.filter(|t| !t.trim().is_empty()) {
            Some(t) => {
                let short: String = t.chars().take(60).collect();
                let cut = if short.len() < t.len() { "…" } else { "" };
                format!("«\u{a0}{short}{cut}\u{a0}»")
            }
            None => format!("la contribution {id}"),
        }
    }

    /// Records `reviewer`'s score (0 to 5) and note on a submission, replacing theirs.
    pub fn review(
        &mut self,
        id: i64,
        reviewer: &str,
        score: Option<i64>,
        note: &str,
    ) -> Result<()> {
        let reviewer = reviewer.trim();
        if reviewer.is_empty() {
            return Err(EditError::EmptyName("de l’évaluateur·rice").into());
        }
        if let Some(score) = score {
            if !(0..=5).contains(&score) {
                return Err(EditError::ScoreOutOfRange(score).into());
            }
        }
        let label = format!("Avis de {reviewer} sur {}", self.submission_name(id));
        self.recorded(&label, &[id], &[], |tx| {
            ensure_submission(tx, id)?;
            store::write_review(tx, id, reviewer, score, note)
        })
    }

    /// Replaces a submission's tags (trimmed, without duplicates or empty ones).
    pub fn set_tags(&mut self, id: i64, tags: &[String]) -> Result<()> {
        let label = format!("Étiquettes de {}", self.submission_name(id));
        self.recorded(&label, &[id], &[], |tx| {
            ensure_submission(tx, id)?;
            let tags: Vec<&str> = tags
                .iter()
                .map(|t| t.trim())
                .filter(|t| !t.is_empty())
                .collect();
            store::set_tags(tx, id, &tags)
        })
    }

    /// Corrects an imported field by hand (a `CorrectableField` code: the submission's
    /// own, or its contact's). The correction wins over later imports.
    pub fn correct_submission(&mut self, id: i64, field: &str, value: &str) -> Result<()> {
        let field: CorrectableField = field
            .parse()
            .map_err(|_| EditError::NotEditable(field.to_string()))?;
        if field.of_contact() {
            return self.correct_contact(id, field, value);
        }
        let value = value.trim();
        let valid = match field {
            CorrectableField::Format => crate::model::Format::parse(value).is_some(),
            CorrectableField::ActorType => crate::model::ActorType::parse(value).is_some(),
            CorrectableField::Language => value == "fr" || value == "en",
            CorrectableField::Axes => value
                .split(',')
                .filter(|a| !a.trim().is_empty())
                .all(|a| matches!(a.trim(), "1" | "2" | "3" | "4")),
            CorrectableField::Title => !value.is_empty(),
            _ => true,
        };
        if !valid {
            return Err(EditError::BadValue {
                field: field.code().to_string(),
                value: value.to_string(),
            }
            .into());
        }
        // The column is the field's code: a name from the enum, never the caller's text.
        let column = field.code();
        let label = format!("Correction de {}", self.submission_name(id));
        self.recorded(&label, &[id], &[], |tx| {
            let mut overrides =
                store::overrides(tx, id)?.ok_or(EditError::SubmissionNotFound(id))?;
            overrides.insert(column.to_string(), value.into());
            store::correct_submission(tx, id, field, value, &overrides)
        })
    }

    /// Corrects a field of the submission's contact (a flagged email): kept by later
    /// imports, and the import's problems about that field leave the contact's
    /// submissions (they were answered).
    fn correct_contact(&mut self, id: i64, field: CorrectableField, value: &str) -> Result<()> {
        let value = value.trim();
        let valid = match field {
            CorrectableField::Email => email_address::EmailAddress::is_valid(value),
            CorrectableField::Organisation => true,
            _ => !value.is_empty(),
        };
        if !valid {
            return Err(EditError::BadValue {
                field: field.code().to_string(),
                value: value.to_string(),
            }
            .into());
        }
        let contact =
            store::contact_of(&self.conn, id)?.ok_or(EditError::SubmissionNotFound(id))?;
        // The contact's other submissions lose their problems about the field too.
        let theirs: Vec<i64> = store::flags_of_contact(&self.conn, contact)?
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let label = format!("Correction du contact de {}", self.submission_name(id));
        self.recorded(&label, &theirs, &[contact], |tx| {
            correct_contact_in(tx, contact, field, value)
        })
    }
}

fn correct_contact_in(
    tx: &rusqlite::Transaction,
    contact: i64,
    field: CorrectableField,
    value: &str,
) -> Result<()> {
    let column = field.code();
    let mut corrected = store::read_person(tx, contact)?
        .map(|p| p.corrected)
        .unwrap_or_default();
    if !corrected.iter().any(|c| c == column) {
        corrected.push(column.to_string());
    }
    store::correct_person(tx, contact, field, value, &corrected)?;
    // The problems about this field on the contact's submissions are answered.
    let names: &[&str] = match field {
        CorrectableField::LastName => &["last_name", "full_name"],
        other => &[other.code()],
    };
    for (submission, flags) in store::flags_of_contact(tx, contact)? {
        let Ok(serde_json::Value::Array(mut list)) = serde_json::from_str(&flags) else {
            continue;
        };
        let before = list.len();
        list.retain(|p| !p["field"].as_str().is_some_and(|f| names.contains(&f)));
        if list.len() != before {
            store::set_flags(tx, submission, &serde_json::Value::Array(list).to_string())?;
        }
    }
    Ok(())
}

impl Project {
    pub fn set_status(&mut self, id: i64, status: Status) -> Result<()> {
        self.set_statuses(&[id], status)
    }
}

/// Fails with a French message when no submission has this number.
fn ensure_submission(conn: &rusqlite::Connection, id: i64) -> Result<()> {
    if store::submission_exists(conn, id)? {
        Ok(())
    } else {
        Err(EditError::SubmissionNotFound(id).into())
    }
}
