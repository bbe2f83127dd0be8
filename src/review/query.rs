//! Finding submissions: full-text search (accents and case set aside) and filters.

use serde::Deserialize;

use super::SubmissionView;

/// What the review screen filters on; every part is optional.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
pub struct Query {
    /// Words that must all appear in the title, summary, contributors, organisation, tags
    /// or notes.
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub format: Option<String>,
    #[serde(default)]
    pub axis: Option<u8>,
    #[serde(default)]
    pub actor_type: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
    /// Only those with problems found at import, or sent twice.
    #[serde(default)]
    pub flagged: bool,
}

fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

impl Query {
    pub fn matches(&self, s: &SubmissionView) -> bool {
        let same =
            |wanted: &Option<String>, value: &str| wanted.as_deref().is_none_or(|w| w == value);
        if !same(&self.format, &s.format)
            || !same(&self.actor_type, &s.actor_type)
            || !same(&self.status, s.status.code())
            || !same(&self.language, &s.language)
        {
            return false;
        }
        if let Some(axis) = self.axis {
            if !s.axes.contains(&axis) {
                return false;
            }
        }
        if self.flagged && !s.is_flagged() {
            return false;
        }
        let words: Vec<String> = fold(&self.text)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        if words.is_empty() {
            return true;
        }
        let mut haystack = format!(
            "{} {} {} {}",
            s.title, s.summary, s.organisation, s.co_speakers
        );
        for c in &s.contributors {
            haystack += &format!(
                " {} {} {} {}",
                c.first_name, c.last_name, c.email, c.organisation
            );
        }
        for tag in &s.tags {
            haystack += &format!(" {tag}");
        }
        for r in &s.reviews {
            haystack += &format!(" {} {}", r.reviewer, r.note);
        }
        let haystack = fold(&haystack);
        words.iter().all(|w| haystack.contains(w.as_str()))
    }
}
