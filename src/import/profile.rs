//! What a column's answers look like: addresses, dates, languages, long texts, one
//! answer for everybody... A column is mapped by its header AND by this: a header that
//! says "résumé" over answers that are all "Français" or "Anglais" is not a summary.

use super::fields::Field;
use super::table::Value;
use super::values;

/// The answers sampled to describe a column.
pub const SAMPLE: usize = 120;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// Non-blank answers looked at.
    pub filled: usize,
    /// Rows looked at (blank answers included).
    pub rows: usize,
    pub distinct: usize,
    /// The most common answer, and in how many rows.
    pub top: Option<(String, usize)>,
    pub emails: usize,
    pub dates: usize,
    /// Numbers in the range of spreadsheet date serials (a web form's xlsx dates).
    pub serials: usize,
    pub phones: usize,
    pub languages: usize,
    pub formats: usize,
    pub axes: usize,
    pub actor_types: usize,
    pub marks: usize,
    pub integers: usize,
    /// Answers of several lines.
    pub multiline: usize,
    /// Answers of two words or more (a full name, not a last name).
    pub several_words: usize,
    pub total_chars: usize,
}

impl Profile {
    /// The profile of column `index` over the first `SAMPLE` data rows.
    pub fn of(index: usize, data: &[Vec<Value>]) -> Profile {
        let mut profile = Profile::default();
        // What each distinct answer is, worked out once: a column of kinds of actors or
        // languages holds a handful of answers repeated.
        let mut seen: std::collections::HashMap<String, (Kinds, usize)> = Default::default();
        for row in data.iter().take(SAMPLE) {
            if row.iter().all(Value::is_blank) {
                continue;
            }
            profile.rows += 1;
            let Some(cell) = row.get(index).filter(|v| !v.is_blank()) else {
                continue;
            };
            profile.filled += 1;
            let text = cell.as_text();
            let text = text.trim();
            let kinds = match seen.get_mut(text) {
                Some((kinds, count)) => {
                    *count += 1;
                    *kinds
                }
                None => {
                    let kinds = Kinds::of(cell, text);
                    seen.insert(text.to_string(), (kinds, 1));
                    profile.distinct += 1;
                    kinds
                }
            };
            profile.total_chars += kinds.chars;
            profile.emails += usize::from(kinds.email);
            profile.dates += usize::from(kinds.date);
            profile.serials += usize::from(kinds.serial);
            profile.phones += usize::from(kinds.phone);
            profile.languages += usize::from(kinds.language);
            profile.marks += usize::from(kinds.mark);
            profile.formats += usize::from(kinds.format);
            profile.axes += usize::from(kinds.axes);
            profile.actor_types += usize::from(kinds.actor_type);
            profile.integers += usize::from(kinds.integer);
            profile.multiline += usize::from(kinds.multiline);
            profile.several_words += usize::from(kinds.several_words);
        }
        profile.top = seen
            .into_iter()
            .map(|(text, (_, count))| (text, count))
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
        profile
    }

    fn share(&self, count: usize) -> f64 {
        if self.filled == 0 {
            0.0
        } else {
            count as f64 / self.filled as f64
        }
    }

    pub fn average_length(&self) -> f64 {
        if self.filled == 0 {
            0.0
        } else {
            self.total_chars as f64 / self.filled as f64
        }
    }

    /// Every row gives the same answer ("Oui", "J'accepte"): a consent or a fixed
    /// choice, which tells nothing about the rows.
    pub fn is_constant(&self) -> bool {
        self.filled >= 3 && self.distinct == 1 && self.filled * 10 >= self.rows * 9
    }

    pub fn unique_share(&self) -> f64 {
        self.share(self.distinct)
    }

    /// How well the answers fit `field`, from 0 (they cannot be that) to 1 (they are
    /// typical of it); 0.7 when the column is empty (the header alone decides).
    pub fn fit(&self, field: Field) -> f64 {
        if self.filled == 0 {
            return 0.7;
        }
        let emails = self.share(self.emails);
        let dates = self.share(self.dates);
        let long = self.average_length();
        let multiline = self.share(self.multiline);
        // Answers that are surely something else are not free text.
        let structured = emails.max(dates).max(self.share(self.integers));
        let text = 1.0 - structured;
        let fit: f64 = match field {
            Field::Email => emails,
            Field::SubmittedAt => self.share(self.dates + self.serials),
            Field::Phone => self.share(self.phones),
            Field::ExternalId => {
                let unique = self.unique_share();
                // Numbers, codes, tokens and UUIDs; not sentences.
                let short = if long <= 40.0 { 1.0 } else { 0.2 };
                (unique * short).min(1.0 - emails)
            }
            Field::Language => {
                let few = if self.distinct <= 6 { 1.0 } else { 0.5 };
                self.share(self.languages) * few
            }
            Field::Format => self.share(self.formats),
            Field::Axes => self.share(self.axes).max(self.share(self.marks) * 0.8),
            Field::ActorType => {
                let few = if self.distinct <= 12 && (self.unique_share() < 0.7 || self.filled < 6)
                    || self.unique_share() < 0.5
                {
                    1.0
                } else {
                    0.5
                };
                (self.share(self.actor_types) * few).max(0.3 * text)
            }
            Field::Title => {
                let length = if (4.0..=250.0).contains(&long) {
                    1.0
                } else if long > 250.0 {
                    0.3
                } else {
                    0.4
                };
                let unique = (self.unique_share() * 1.25).min(1.0);
                let fixed = 1.0
                    - self
                        .share(self.languages)
                        .max(self.share(self.formats) * 0.8);
                text * length * unique * (1.0 - multiline * 0.7) * fixed
            }
            Field::Summary => {
                let length = if long >= 60.0 || multiline >= 0.2 {
                    1.0
                } else if long >= 25.0 {
                    0.7
                } else {
                    0.25
                };
                text * length
            }
            Field::FirstName | Field::LastName | Field::FullName | Field::Country => {
                let short = if long <= 40.0 { 1.0 } else { 0.3 };
                text * short * (1.0 - multiline)
            }
            Field::Organisation => {
                let short = if long <= 100.0 { 1.0 } else { 0.4 };
                text * short
            }
            // Co-speakers are named; a column of addresses alone is someone's email.
            Field::CoSpeakers => 0.8 * (1.0 - dates) * (1.0 - 0.5 * emails),
            Field::Wishes | Field::Accessibility => 0.8 * (1.0 - dates),
            Field::Ignored => 0.8,
        };
        fit.clamp(0.0, 1.0)
    }

    /// Whether the answers alone say `field`, whatever the header: addresses, dates,
    /// languages, formats, axes named.
    pub fn speaks_for(&self, field: Field) -> bool {
        let strong = match field {
            Field::Email | Field::SubmittedAt | Field::Language | Field::Format | Field::Axes => {
                true
            }
            Field::ActorType => self.distinct <= 12,
            // Long free text is what a summary is, when no header says so.
            Field::Summary => self.average_length() >= 80.0,
            _ => false,
        };
        strong && self.filled >= 2 && self.fit(field) >= 0.7
    }

    /// A few words on the answers, for the reason shown with a column's fate.
    pub fn describe(&self, field: Field) -> String {
        let percent = |n: usize| format!("{}\u{a0}%", (self.share(n) * 100.0).round());
        match field {
            _ if self.filled == 0 => "colonne vide".into(),
            Field::Email => format!("{} d'adresses électroniques", percent(self.emails)),
            Field::SubmittedAt => format!("{} de dates", percent(self.dates + self.serials)),
            Field::Phone => format!("{} de numéros de téléphone", percent(self.phones)),
            Field::Language => {
                format!("{} de langues (français, anglais)", percent(self.languages))
            }
            Field::Format => format!("{} de formats de l'appel", percent(self.formats)),
            Field::Axes => format!("{} d'axes de l'appel", percent(self.axes)),
            Field::ActorType => format!(
                "{} de types d'acteurs, {}",
                percent(self.actor_types),
                self.different()
            ),
            Field::ExternalId => format!("{} de valeurs uniques", percent(self.distinct)),
            Field::Title => format!(
                "textes de {}\u{a0}signes en moyenne, {} uniques",
                self.average_length().round(),
                percent(self.distinct)
            ),
            _ => format!(
                "textes de {}\u{a0}signes en moyenne, {}",
                self.average_length().round(),
                self.different()
            ),
        }
    }

    fn different(&self) -> String {
        match self.distinct {
            1 => "une seule réponse".into(),
            n => format!("{n} réponses différentes"),
        }
    }
}

/// What one answer is.
#[derive(Debug, Clone, Copy, Default)]
struct Kinds {
    chars: usize,
    email: bool,
    date: bool,
    serial: bool,
    phone: bool,
    language: bool,
    mark: bool,
    format: bool,
    axes: bool,
    actor_type: bool,
    integer: bool,
    multiline: bool,
    several_words: bool,
}

impl Kinds {
    fn of(cell: &Value, text: &str) -> Kinds {
        let short = text.len() <= 200;
        // Normalised once for the readings of the call's values.
        let normal = if short {
            super::fields::normalise_header(text)
        } else {
            String::new()
        };
        Kinds {
            chars: text.chars().count(),
            email: text.contains('@') && email_address::EmailAddress::is_valid(text),
            date: is_date(cell, text),
            serial: matches!(cell, Value::Number(n) if (20_000.0..80_000.0).contains(n)),
            phone: is_phone(text),
            language: text.len() <= 40 && values::language_normalised(&normal).is_some(),
            mark: text.len() <= 40 && super::layout::is_mark(text),
            format: short && values::format_normalised(&normal).is_some(),
            axes: short && !values::axes_normalised(&normal).is_empty(),
            actor_type: short && values::actor_type_normalised(&normal).1,
            integer: matches!(cell, Value::Number(n) if n.fract() == 0.0)
                || (!text.is_empty()
                    && text.len() <= 12
                    && text.bytes().all(|b| b.is_ascii_digit())),
            multiline: text.contains('\n'),
            several_words: text.split_whitespace().nth(1).is_some(),
        }
    }
}

fn is_date(cell: &Value, text: &str) -> bool {
    match cell {
        Value::DateTime(_) => true,
        // A serial number is a date only under a header that says so; on its own, a
        // number is a number.
        Value::Number(_) => false,
        _ => {
            (6..=32).contains(&text.len())
                && text.bytes().filter(u8::is_ascii_digit).count() >= 4
                && values::date_time(&Value::Text(text.to_string())).is_some()
                && text.parse::<f64>().is_err()
        }
    }
}

fn is_phone(text: &str) -> bool {
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    (8..=15).contains(&digits)
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " +-.()/".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(values: &[&str]) -> Profile {
        let data: Vec<Vec<Value>> = values
            .iter()
            .map(|v| vec![Value::Text(v.to_string()), Value::Text("x".into())])
            .collect();
        Profile::of(0, &data)
    }

    #[test]
    fn answers_tell_what_a_column_holds() {
        let languages = column(&["Français", "Anglais", "Français", "English"]);
        assert!(languages.speaks_for(Field::Language));
        assert!(languages.fit(Field::Summary) < 0.3);
        assert!(languages.fit(Field::Title) < 0.3);
        let emails = column(&["a@example.org", "b@example.org", "c@example.org"]);
        assert!(emails.speaks_for(Field::Email));
        assert_eq!(emails.fit(Field::Title), 0.0);
        let consent = column(&["J'accepte", "J'accepte", "J'accepte", "J'accepte"]);
        assert!(consent.is_constant());
        let long = column(&[
            "Un texte de plusieurs phrases qui décrit la contribution en détail. Et une autre.",
            "Ligne 1\nLigne 2",
        ]);
        assert_eq!(long.fit(Field::Summary), 1.0);
        let titles = column(&[
            "Budget participatif",
            "Qui participe ?",
            "Civic tech à Taïwan",
        ]);
        assert!(titles.fit(Field::Title) > 0.9);
        assert!(titles.fit(Field::Summary) < 0.8);
    }
}
