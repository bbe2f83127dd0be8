//! Sharing the fields out among a file's columns. Every column is scored against every
//! field, from its header's words and from its answers; then each field goes to one
//! column so that the whole is the surest (an assignment problem, solved by the
//! Hungarian method), not to the first column that looks like it. Each column's fate
//! comes with its reason, for the organiser to read.

use pathfinding::prelude::{kuhn_munkres, Matrix};
use serde::{Deserialize, Serialize};

use super::error::ReadError;
use super::fields::{normalise_header, Field, HeaderText, SURE};
use super::layout::{reads_as_option, Column, Target};
use super::profile::Profile;
use super::ListKind;

/// A column as found in the file, before it is mapped.
pub struct Found {
    pub index: usize,
    pub label: String,
    pub text: HeaderText,
    /// The question above, carried over the columns that follow it (a checkbox
    /// question's options).
    pub group: Option<String>,
    pub profile: Profile,
    /// Every answer is a mark ("X"), the column's own label, or blank.
    pub only_marks: bool,
}

/// Below this, a column is not given a field at all.
const AT_LEAST: f64 = 0.45;

/// How surely `column` holds `field`, from its header and its answers.
fn score(column: &Found, field: Field) -> f64 {
    let (header, _) = column.text.score(field);
    let fit = column.profile.fit(field);
    if header > 0.0 {
        // A header that names the field over answers that cannot be it ("Résumé" over
        // "Français") falls below sure: a question for the organiser.
        header * (0.5 + 0.5 * fit)
    } else if column.profile.speaks_for(field) {
        0.55 * fit
    } else {
        0.0
    }
}

/// The option field a checkbox column belongs to, if it is one.
/// Returns the field, the question and the option.
fn option_field(column: &Found, kind: ListKind) -> Option<(Field, String, String)> {
    if !column.only_marks
        || column.text.is_consent()
        || column.profile.filled == 0 && column.group.is_none()
    {
        return None;
    }
    let options = || {
        Field::ALL
            .into_iter()
            .filter(move |f| f.has_options() && f.belongs_to(kind))
    };
    // "Axes thématiques [Govtech]": the question and the option in one header.
    let (question, option) = match HeaderText::question_and_option(&column.label) {
        Some(pair) => pair,
        None => match &column.group {
            Some(group) => (group.clone(), column.label.clone()),
            // No question above: an option only if its answers repeat its own label
            // ("Govtech" under "Govtech") and the label is surely an answer.
            None => {
                let own = column
                    .profile
                    .top
                    .as_ref()
                    .is_some_and(|(answer, _)| *answer == column.label);
                let field = options()
                    .find(|f| *f != Field::Wishes && reads_as_option(*f, &column.label))?;
                return (own && column.text.best().is_none_or(|(_, s)| s < SURE))
                    .then(|| (field, String::new(), column.label.clone()));
            }
        },
    };
    let question_text = HeaderText::new(&question);
    if question_text.is_consent() {
        return None;
    }
    let field = options()
        .filter(|f| question_text.score(*f).0 >= SURE && reads_as_option(*f, &option))
        .max_by(|a, b| {
            question_text
                .score(*a)
                .0
                .total_cmp(&question_text.score(*b).0)
        })?;
    Some((field, question, option))
}

/// Whether a column is a consent: its header says so, or everybody gave the one same
/// "yes" where no field is named.
fn is_consent(column: &Found) -> bool {
    if column.text.is_consent() {
        return true;
    }
    let Some((answer, _)) = &column.profile.top else {
        return false;
    };
    let yes = super::layout::is_mark(answer) || HeaderText::new(answer).is_consent();
    column.profile.is_constant() && yes && column.text.best().is_none_or(|(_, s)| s < SURE)
}

/// Maps every column for a list of `kind`.
pub fn map(found: &[Found], kind: ListKind) -> Vec<Column> {
    let mut columns: Vec<Column> = found
        .iter()
        .map(|f| Column {
            index: f.index,
            label: f.label.clone(),
            group: None,
            target: Target::Nothing,
            confidence: 0.0,
            reason: String::new(),
        })
        .collect();

    // Checkbox options and consents first: they are decided column by column.
    let mut open: Vec<usize> = Vec::new();
    for (i, column) in found.iter().enumerate() {
        if let Some((field, question, option)) = option_field(column, kind) {
            columns[i].confidence = if question.is_empty() {
                0.7
            } else {
                HeaderText::new(&question).score(field).0
            };
            columns[i].reason = if question.is_empty() {
                format!(
                    "une option de «\u{a0}{}\u{a0}»\u{a0}: les réponses répètent l'en-tête",
                    field.label_fr()
                )
            } else {
                format!(
                    "case à cocher de la question «\u{a0}{question}\u{a0}» ({})",
                    field.label_fr()
                )
            };
            if column.group.is_some() {
                columns[i].group = Some(question);
            }
            columns[i].target = Target::Option {
                field,
                value: option,
            };
        } else if is_consent(column) {
            columns[i].reason = match &column.profile.top {
                Some((answer, _)) if column.profile.is_constant() => format!(
                    "consentement (même réponse pour tous\u{a0}: «\u{a0}{answer}\u{a0}»)\u{a0}: écartée, conservée telle quelle, sans champ"
                ),
                _ => "consentement\u{a0}: écartée, conservée telle quelle, sans champ".into(),
            };
        } else if column
            .text
            .best()
            .is_some_and(|(f, s)| f == Field::Ignored && s >= SURE)
            && !Field::ALL.into_iter().any(|f| column.profile.speaks_for(f))
        {
            columns[i].target = Target::Field {
                field: Field::Ignored,
            };
            columns[i].confidence = column.text.score(Field::Ignored).0;
            columns[i].reason =
                "donnée technique du formulaire\u{a0}: conservée telle quelle, sans champ".into();
        } else {
            open.push(i);
        }
    }

    // An option nobody ticked, beside its siblings ("Democracy at work" after "Govtech").
    let mut i = 0;
    while i < open.len() {
        let c = open[i];
        let sibling = |j: Option<usize>| {
            let j = j?;
            match &columns.get(j)?.target {
                Target::Option { field, .. } => Some((*field, columns[j].group.clone())),
                _ => None,
            }
        };
        match sibling(c.checked_sub(1)).or_else(|| sibling(Some(c + 1))) {
            Some((field, group))
                if found[c].profile.filled == 0 && reads_as_option(field, &found[c].label) =>
            {
                columns[c].target = Target::Option {
                    field,
                    value: found[c].label.clone(),
                };
                columns[c].group = group;
                columns[c].confidence = 0.7;
                columns[c].reason = format!(
                    "une option de «\u{a0}{}\u{a0}» que personne n'a cochée, à côté des autres",
                    field.label_fr()
                );
                open.remove(i);
            }
            _ => i += 1,
        }
    }

    // The fields of this kind that are given to one column each.
    let fields: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| *f != Field::Ignored && f.belongs_to(kind))
        // A field filled by checkbox columns is not also a column of its own.
        .filter(|f| {
            !columns
                .iter()
                .any(|c| matches!(&c.target, Target::Option { field, .. } if field == f))
        })
        .collect();
    let scores: Vec<Vec<f64>> = fields
        .iter()
        .map(|f| open.iter().map(|&i| score(&found[i], *f)).collect())
        .collect();
    if !fields.is_empty() && !open.is_empty() {
        // Rows: fields; columns: the open columns, then one "nowhere" per field, so that
        // a field may stay unassigned.
        let width = open.len() + fields.len();
        let weights = Matrix::from_rows(scores.iter().map(|row| {
            let mut weights: Vec<i64> = row
                .iter()
                .map(|&s| {
                    if s >= AT_LEAST {
                        (s.powi(4) * 10_000.0) as i64
                    } else {
                        0
                    }
                })
                .collect();
            weights.resize(width, 0);
            weights
        }))
        .expect("rows of one width");
        let (_, assignment) = kuhn_munkres(&weights);
        for (f, &slot) in assignment.iter().enumerate() {
            let Some(&i) = open.get(slot) else { continue };
            let s = scores[f][slot];
            if s < AT_LEAST {
                continue;
            }
            let field = fields[f];
            columns[i].target = Target::Field { field };
            columns[i].confidence = (s * 100.0).round() / 100.0;
            columns[i].reason = reason_for(&found[i], field, s);
        }
    }
    full_name_when_alone(found, &mut columns);

    // What became of the others.
    for (slot, &i) in open.iter().enumerate() {
        if columns[i].target != Target::Nothing {
            continue;
        }
        let best = fields
            .iter()
            .enumerate()
            .map(|(f, field)| (*field, scores[f][slot]))
            .filter(|(_, s)| *s >= AT_LEAST)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        columns[i].reason = match best {
            Some((field, _)) => match columns.iter().find(|c| c.target.field() == Some(field)) {
                Some(other) => format!(
                    "ressemble au champ «\u{a0}{}\u{a0}», donné à la colonne {} («\u{a0}{}\u{a0}»), plus sûre\u{a0}: conservée telle quelle, sans champ",
                    field.label_fr(),
                    other.index + 1,
                    other.header()
                ),
                None => "aucun champ ne correspond\u{a0}: conservée telle quelle, sans champ".into(),
            },
            None if found[i].label.is_empty() && found[i].profile.filled == 0 => {
                "colonne vide, sans en-tête".into()
            }
            None => "aucun champ ne correspond\u{a0}: conservée telle quelle, sans champ".into(),
        };
    }
    columns
}

fn reason_for(column: &Found, field: Field, score: f64) -> String {
    let (header, alias) = column.text.score(field);
    let values = column.profile.describe(field);
    let mut reason = match alias {
        Some(alias) if header > 0.0 => {
            format!("en-tête «\u{a0}{alias}\u{a0}», réponses\u{a0}: {values}")
        }
        _ => format!("aucun en-tête ne le dit, seulement les réponses\u{a0}: {values}"),
    };
    if field == Field::FullName {
        reason.push_str("\u{a0}; lu prénom puis nom (le dernier mot est le nom)");
    }
    if score < SURE {
        reason.push_str("\u{a0}: à vérifier");
    }
    reason
}

/// A "Nom" column with no first name beside it, whose answers are two words or more,
/// holds whole names (Microsoft Forms' "Nom" is the respondent's display name).
fn full_name_when_alone(found: &[Found], columns: &mut [Column]) {
    let has = |columns: &[Column], field| columns.iter().any(|c| c.target.field() == Some(field));
    if has(columns, Field::FirstName) || has(columns, Field::FullName) {
        return;
    }
    let Some(i) = columns
        .iter()
        .position(|c| c.target.field() == Some(Field::LastName))
    else {
        return;
    };
    let profile = &found[i].profile;
    if profile.filled > 0 && profile.several_words * 10 >= profile.filled * 7 {
        columns[i].target = Target::Field {
            field: Field::FullName,
        };
        columns[i].reason = format!(
            "«\u{a0}{}\u{a0}» sans colonne de prénom, et des réponses de deux mots ou plus\u{a0}: nom complet, lu prénom puis nom (le dernier mot est le nom)",
            found[i].label
        );
    }
}

/// What the content says the list is: answers to the call have a title, a summary, a
/// format or axes; registrations have none of them.
pub fn kind_of(found: &[Found], submissions: &[Column]) -> ListKind {
    let sure = |field: Field| {
        submissions
            .iter()
            .any(|c| c.target.field() == Some(field) && c.confidence >= SURE)
    };
    let call = [Field::Title, Field::Summary, Field::Format, Field::Axes]
        .into_iter()
        .filter(|f| sure(*f))
        .count();
    let registration_words = found
        .iter()
        .filter(|c| {
            [Field::Wishes, Field::Accessibility]
                .into_iter()
                .any(|f| c.text.score(f).0 >= SURE)
                || c.text.is_ticketing()
        })
        .count();
    if call >= 2 || (sure(Field::Title) && registration_words == 0) {
        ListKind::Submissions
    } else {
        ListKind::Registrations
    }
}

/// The organiser's word on one column: `--map COLUMN=FIELD`. The column is named by its
/// header, its number (1 is the first) or its letter; the field by its code or French
/// name, or "aucun" to set the column aside.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Choice {
    pub column: String,
    pub field: Option<Field>,
}

impl Choice {
    pub fn parse(text: &str) -> Result<Choice, ReadError> {
        let (column, field) = text
            .rsplit_once('=')
            .ok_or_else(|| ReadError::BadChoice(text.to_string()))?;
        let field = field.trim();
        let none = [
            "aucun", "aucune", "rien", "none", "ignorer", "ecartee", "ecarter",
        ];
        let field = if none.contains(&normalise_header(field).as_str()) {
            None
        } else {
            Some(Field::parse(field).ok_or_else(|| {
                let names: Vec<&str> = Field::ALL
                    .iter()
                    .filter(|f| **f != Field::Ignored)
                    .map(|f| f.code())
                    .collect();
                ReadError::UnknownField(field.to_string(), names.join(", "))
            })?)
        };
        Ok(Choice {
            column: column.trim().to_string(),
            field,
        })
    }

    /// The column this choice names.
    fn find(&self, columns: &[Column]) -> Option<usize> {
        let wanted = self.column.trim();
        if let Ok(number) = wanted.parse::<usize>() {
            return (1..=columns.len()).contains(&number).then(|| number - 1);
        }
        let key = normalise_header(wanted);
        if let Some(i) = columns
            .iter()
            .position(|c| normalise_header(&c.label) == key || normalise_header(&c.header()) == key)
        {
            return Some(i);
        }
        letter_index(wanted).filter(|&i| i < columns.len())
    }
}

/// "A" is 0, "AA" is 26.
fn letter_index(text: &str) -> Option<usize> {
    if text.is_empty() || text.len() > 3 || !text.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut n = 0usize;
    for c in text.to_ascii_uppercase().bytes() {
        n = n * 26 + (c - b'A' + 1) as usize;
    }
    Some(n - 1)
}

/// Applies the organiser's choices: each named column gets its field for sure, and a
/// field given to a column leaves any other column that had it.
pub fn apply(columns: &mut [Column], choices: &[Choice]) -> Result<(), ReadError> {
    for choice in choices {
        let i = choice
            .find(columns)
            .ok_or_else(|| ReadError::NoSuchColumn {
                wanted: choice.column.clone(),
                available: list_columns(columns, false),
            })?;
        if let Some(field) = choice.field {
            for other in columns.iter_mut() {
                if other.target == (Target::Field { field }) {
                    other.target = Target::Nothing;
                    other.confidence = 0.0;
                    other.reason = format!(
                        "«\u{a0}{}\u{a0}» donné à une autre colonne par l'organisateur·rice",
                        field.label_fr()
                    );
                }
            }
        }
        let column = &mut columns[i];
        column.target = match choice.field {
            Some(field) => Target::Field { field },
            None => Target::Nothing,
        };
        column.group = None;
        column.confidence = 1.0;
        column.reason = match choice.field {
            Some(field) => format!(
                "«\u{a0}{}\u{a0}» indiqué par l'organisateur·rice",
                field.label_fr()
            ),
            None => {
                "écartée par l'organisateur·rice\u{a0}: conservée telle quelle, sans champ".into()
            }
        };
    }
    Ok(())
}

/// The columns and their fate, in a line: "1 «\u{a0}SID\u{a0}» → identifiant ; …".
pub fn list_columns(columns: &[Column], with_fate: bool) -> String {
    columns
        .iter()
        .map(|c| {
            let mut text = format!("{} «\u{a0}{}\u{a0}»", c.index + 1, c.header());
            if with_fate {
                let fate = match c.target.field() {
                    Some(field) if c.confidence < SURE => {
                        format!("{}\u{a0}?", field.label_fr())
                    }
                    Some(field) => field.label_fr().to_string(),
                    None => "écartée".into(),
                };
                text.push_str(&format!(" → {fate}"));
            }
            text
        })
        .collect::<Vec<_>>()
        .join("\u{a0}; ")
}

/// What a list cannot do without.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// The title of an answer to the call.
    Title,
    /// A person's name or email.
    Person,
}

impl Missing {
    fn label_fr(self) -> &'static str {
        match self {
            Missing::Title => "le titre",
            Missing::Person => "le nom ou le courriel",
        }
    }
}

/// What a list of `kind` cannot do without, and is not surely found: the title of an
/// answer; a person's name or email.
pub fn missing(columns: &[Column], kind: ListKind) -> Vec<Missing> {
    let sure = |test: &dyn Fn(Field) -> bool| {
        columns
            .iter()
            .any(|c| c.target.field().is_some_and(test) && c.confidence >= SURE)
    };
    let mut missing = Vec::new();
    if kind == ListKind::Submissions && !sure(&|f| f == Field::Title) {
        missing.push(Missing::Title);
    }
    if !sure(&|f: Field| f.names_a_person()) {
        missing.push(Missing::Person);
    }
    missing
}

/// The columns given a field without certainty, by position: the wizard asks to check
/// them.
pub fn unsure(columns: &[Column]) -> Vec<usize> {
    columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.target.field().is_some() && c.confidence < SURE)
        .map(|(i, _)| i)
        .collect()
}

/// The refusal for what `missing` lists.
pub fn unmapped(columns: &[Column], missing: &[Missing]) -> ReadError {
    let missing: Vec<&str> = missing.iter().map(|m| m.label_fr()).collect();
    let what = match missing.as_slice() {
        [one] => format!("{one} n'a été trouvé sûrement dans aucune colonne"),
        _ => format!(
            "{} n'ont été trouvés sûrement dans aucune colonne",
            missing.join(" et ")
        ),
    };
    ReadError::Unmapped {
        missing: what[..1].to_uppercase() + &what[1..],
        columns: list_columns(columns, true),
    }
}

/// One column's fate, as `import --json` reports it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Fate {
    /// 1 is the first column (A).
    pub index: usize,
    pub header: String,
    /// The field's code, or null when the column is set aside.
    pub field: Option<&'static str>,
    /// For a checkbox option column: the option it stands for.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub option: Option<String>,
    pub confidence: f64,
    pub reason: String,
}

pub fn fates(columns: &[Column]) -> Vec<Fate> {
    columns
        .iter()
        .map(|c| Fate {
            index: c.index + 1,
            header: c.header(),
            field: c.target.field().map(Field::code),
            option: match &c.target {
                Target::Option { value, .. } => Some(value.clone()),
                _ => None,
            },
            confidence: if c.target.field().is_some() {
                c.confidence
            } else {
                0.0
            },
            reason: c.reason.clone(),
        })
        .collect()
}

/// The refusal of an import where most rows would lack a title, or a name and email:
/// the columns found are surely not the right ones.
pub fn mostly_empty(report: &super::Report, layout: &super::Layout) -> Option<ReadError> {
    let rows = report.rows;
    let column = |test: &dyn Fn(Field) -> bool, what: &str| {
        layout
            .columns
            .iter()
            .find(|c| c.target.field().is_some_and(test))
            .map_or_else(|| format!("aucune ({what})"), |c| c.header())
    };
    let most = |n: usize| rows >= 2 && n * 2 > rows;
    if layout.kind == ListKind::Submissions && most(report.untitled) {
        return Some(ReadError::MostlyEmpty {
            field: "titre",
            column: column(&|f| f == Field::Title, "titre"),
            empty: report.untitled,
            rows,
        });
    }
    if most(report.unnamed) {
        return Some(ReadError::MostlyEmpty {
            field: "nom",
            column: column(&|f: Field| f.names_a_person(), "nom ou courriel"),
            empty: report.unnamed,
            rows,
        });
    }
    None
}
