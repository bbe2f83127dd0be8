//! Merging what a file says into the project. Identity: the web form's id when there is
//! one, otherwise the normalised email and title. What the organisers did (status,
//! reviews, notes, fields corrected by hand) is never overwritten; answers missing from a
//! new download are reported, never deleted.

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHashSet};
use std::path::Path;

use rusqlite::Transaction;
use serde::Serialize;

use super::bounds;
use super::error::{ImportError, ReadError};
use super::fields::Field;
use super::layout::{Layout, Target};
use super::rows::{self, PersonFields, Problem, ValueMappings};
use super::stream::Source;
use super::table::{SourceFormat, Value};
use super::{ImportOptions, ListKind};
use crate::common::Severity;
use crate::error::Result;
use crate::model::Person;
use crate::store::{self, ImportedFields, StoredPerson};

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Report {
    pub file: String,
    pub kind: ListKind,
    pub format: SourceFormat,
    pub sheet: String,
    /// 1-based row of the headers.
    pub header_row: usize,
    /// Data rows read (blank rows are not counted; see `blank`).
    pub rows: usize,
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Rows recognised as a repeat of another answer (the same person sending the same
    /// content twice), imported and grouped with the first.
    pub duplicates: usize,
    pub blank: usize,
    /// Answers in the project from an earlier download that this file does not have.
    pub absent: Vec<Absent>,
    pub changes: Vec<Change>,
    pub problems: Vec<Problem>,
    pub dry_run: bool,
    /// What became of every column of the file, in order.
    pub columns: Vec<super::Fate>,
    /// Rows without a title (answers), and without a name or email (both kinds): an
    /// import where most rows lack them has the wrong columns.
    #[serde(skip)]
    pub untitled: usize,
    #[serde(skip)]
    pub unnamed: usize,
    /// The import's number in the project (0 for a dry run's, which is taken back).
    #[serde(skip)]
    pub import_id: i64,
    /// For one of our own workbooks come back edited: "contributions" or "salles".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub returned: Option<crate::share::returned::Returned>,
}

impl Report {
    /// A report of nothing done yet, on a sheet of `file`.
    pub(crate) fn start(
        file: String,
        kind: ListKind,
        format: SourceFormat,
        sheet: String,
        header_row: usize,
        dry_run: bool,
    ) -> Report {
        Report {
            file,
            kind,
            format,
            sheet,
            header_row,
            rows: 0,
            new: 0,
            updated: 0,
            unchanged: 0,
            duplicates: 0,
            blank: 0,
            absent: Vec::new(),
            changes: Vec::new(),
            problems: Vec::new(),
            dry_run,
            columns: Vec::new(),
            untitled: 0,
            unnamed: 0,
            import_id: 0,
            returned: None,
        }
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Absent {
    pub id: i64,
    pub external_id: Option<String>,
    pub title: String,
}

/// What changed on one existing answer.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Change {
    pub row: usize,
    pub id: i64,
    pub fields: Vec<String>,
    /// Fields the file changed but an organiser had corrected by hand: kept as corrected.
    pub kept: Vec<String>,
    /// What changed, value by value, when the file is one of our workbooks come back.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<FieldChange>>", optional)]
    pub details: Vec<FieldChange>,
}

/// One value a returned workbook changes.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct FieldChange {
    /// The title of the submission, or the room's name.
    pub what: String,
    /// The column's header in the workbook.
    pub field: String,
    pub before: String,
    pub after: String,
}

fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

pub fn merge(
    tx: &Transaction,
    source: Source,
    layout: &Layout,
    options: &ImportOptions,
    path: &Path,
    corrections: ValueMappings,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Report> {
    let (kind, dry_run) = (layout.kind, options.dry_run);
    let file_name = super::file_name(path);
    let wrap = ImportError::in_file(path);
    let import_id = store::insert_import(tx, kind.code(), &file_name, &now())?;
    let mut readings = rows::Readings::new(corrections);
    let columns = rows::Columns::new(layout);
    let mut report = Report {
        columns: super::mapping::fates(&layout.columns),
        import_id,
        ..Report::start(
            file_name.clone(),
            kind,
            source.table.format,
            source.table.sheet.clone(),
            layout.header_row + 1,
            dry_run,
        )
    };
    // What the reading noticed (bytes of another encoding) comes first.
    report
        .problems
        .extend(source.table.warnings.iter().map(|(row, message)| Problem {
            row: *row,
            column: String::new(),
            severity: Severity::Warning,
            message: message.clone(),
            field: None,
        }));
    let first = layout.header_row + 1;
    match kind {
        ListKind::Submissions => {
            // A file may claim a million rows it does not have: room for at most 100,000.
            let room = source.expected_rows.unwrap_or(source.table.rows.len());
            let mut known = Known::load(tx, room.min(100_000))?;
            let mut inserts = store::Inserts::prepare(tx)?;
            let mut emails = Emails::load(tx)?;
            let mut seen = FxHashSet::default();
            // Known exactly when the whole sheet is at hand, estimated from what the file
            // says otherwise; 0 when it does not say (the progress shows rows read).
            let expected = if source.is_whole() {
                let data = source.table.rows.iter().skip(first);
                Some(data.filter(|r| !r.iter().all(Value::is_blank)).count())
            } else {
                source.expected_rows.map(|n| n.saturating_sub(first))
            };
            // Reading a row into the domain needs no database: a second thread does it
            // (while a third is still parsing the file) as this one writes, so a large
            // file takes the time of the slower half.
            std::thread::scope(|scope| -> Result<()> {
                let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Prepared>>(8);
                let columns = &columns;
                let reader = std::thread::Builder::new()
                    .name("import-lignes".into())
                    .spawn_scoped(scope, move || -> std::result::Result<usize, ReadError> {
                        let mut blank = 0;
                        let mut number = first;
                        for batch in source.rows_from(first) {
                            let mut prepared =
                                Vec::with_capacity(batch.as_ref().map_or(0, Vec::len));
                            for cells in &batch? {
                                number += 1;
                                if cells.iter().all(Value::is_blank) {
                                    blank += 1;
                                    continue;
                                }
                                let row = rows::Row::new(number, cells, columns);
                                prepared.push(Prepared::new(rows::submission(&row, &mut readings)));
                            }
                            if send.send(prepared).is_err() {
                                break; // the import stopped: nobody is listening
                            }
                        }
                        Ok(blank)
                    })
                    .expect("a thread to read the rows");
                for prepared in receive.into_iter().flatten() {
                    let total = expected.map_or(0, |n| n.max(report.rows));
                    tick(progress, report.rows, total)?;
                    report.rows += 1;
                    if report.rows > bounds::MAX_ANSWERS {
                        return Err(wrap(bounds::too_many_answers()).into());
                    }
                    report.untitled += usize::from(prepared.fields.title.is_empty());
                    report.unnamed += usize::from(prepared.incoming.contact.is_anonymous());
                    // Rows are merged one by one, and `known` follows, so that a repeat
                    // later in the same file finds the first one.
                    merge_submission(
                        tx,
                        &mut inserts,
                        prepared,
                        import_id,
                        &mut known,
                        &mut emails,
                        &mut seen,
                        &mut report,
                    )?;
                }
                // A panic there is a row the reader could not take: nothing is kept.
                report.blank = reader
                    .join()
                    .unwrap_or_else(|_| {
                        Err(ReadError::Damaged("une ligne n'a pas pu être lue".into()))
                    })
                    .map_err(wrap)?;
                Ok(())
            })?;
            report.absent = known
                .list
                .into_iter()
                .filter(|s| s.from_import && !seen.contains(&s.id))
                .map(|s| Absent {
                    id: s.id,
                    external_id: s.external_id,
                    title: s.fields.title,
                })
                .collect();
        }
        ListKind::Registrations => {
            let table = source.into_table().map_err(&wrap)?;
            let (data, blank) = rows::rows(&table, layout, &columns);
            if data.len() > bounds::MAX_ANSWERS {
                return Err(wrap(bounds::too_many_answers()).into());
            }
            report.rows = data.len();
            report.blank = blank;
            let mut seen = FxHashSet::default();
            for (done, row) in data.iter().enumerate() {
                tick(progress, done, data.len())?;
                let incoming = rows::registration(row, &mut readings);
                report.unnamed += usize::from(incoming.person.is_anonymous());
                report.problems.extend(incoming.problems.iter().cloned());
                merge_registration(tx, incoming, import_id, &mut seen, &mut report)?;
            }
        }
    }
    if !progress(report.rows, report.rows) {
        return Err(crate::Error::Cancelled);
    }
    let targets: Vec<&Target> = layout.columns.iter().map(|c| &c.target).collect();
    store::save_mapping(
        tx,
        &layout.headers_key(),
        kind.code(),
        &serde_json::to_string(&targets).expect("targets serialise"),
        &now(),
    )?;
    store::set_import_report(
        tx,
        import_id,
        &serde_json::to_string(&report).expect("report serialises"),
    )?;
    Ok(report)
}

/// Tells `progress` every 250 rows; stops the import when it says so.
fn tick(progress: &mut dyn FnMut(usize, usize) -> bool, done: usize, total: usize) -> Result<()> {
    if done.is_multiple_of(250) && !progress(done, total) {
        return Err(crate::Error::Cancelled);
    }
    Ok(())
}

/// The submissions already in the project, indexed the ways a row can match them, and
/// those this import added. The keys are built from whole summaries and every row of a
/// file adds to them: a fast non-cryptographic hash (the keys are ours, not an
/// attacker's choice of collisions worth defending against in a local file).
struct Known {
    /// The submissions there before this import, as stored.
    list: Vec<store::StoredSubmission>,
    by_external: FxHashMap<String, Match>,
    by_identity: FxHashMap<Key, Match>,
    /// First imported answer with this content: later identical sendings are repeats.
    by_content: FxHashMap<Key, i64>,
}

/// What a row matches.
#[derive(Debug, Clone, Copy)]
enum Match {
    /// A submission there before, at this index of `Known::list`.
    Stored(usize),
    /// A submission this import added: matched again, it is a repeat in the file, and
    /// nothing else of it is needed (memory stays flat over a large file).
    Added,
}

impl Known {
    fn load(tx: &Transaction, incoming: usize) -> Result<Known> {
        let stored = store::read_stored_submissions(tx)?;
        let room = stored.len() + incoming;
        let mut known = Known {
            list: Vec::with_capacity(stored.len()),
            by_external: FxHashMap::with_capacity_and_hasher(room, Default::default()),
            by_identity: FxHashMap::with_capacity_and_hasher(room, Default::default()),
            by_content: FxHashMap::with_capacity_and_hasher(room, Default::default()),
        };
        for stored in stored {
            let identity = identity_key(&stored.email, &stored.fields.title);
            let content = content_key(identity, &stored.fields.summary);
            let titled = !stored.fields.title.is_empty();
            let found = Match::Stored(known.list.len());
            known.add(stored.external_id.as_deref(), found, identity);
            if stored.from_import && titled {
                known.by_content.entry(content).or_insert(stored.id);
            }
            known.list.push(stored);
        }
        Ok(known)
    }

    fn add(&mut self, external_id: Option<&str>, found: Match, identity: Key) {
        if let Some(external) = external_id {
            self.by_external.insert(external.to_string(), found);
        }
        self.by_identity.entry(identity).or_insert(found);
    }
}

/// Who sent what, as a 64-bit digest: comparing digests instead of whole summaries keeps
/// a large import's memory flat (a collision between two different answers of one
/// project is about one in 10^11).
type Key = u64;

/// Lower case, spaces collapsed: what tells two sendings of the same text apart from two
/// texts (cheap, as it runs on every summary of a large file). Written into `out`, a
/// buffer used again from row to row.
fn squeeze(out: &mut String, text: &str) {
    for word in text.split_whitespace() {
        out.push(' ');
        if word.is_ascii() {
            let from = out.len();
            out.push_str(word);
            out[from..].make_ascii_lowercase();
        } else {
            // Most letters of a French word are ASCII still: only the others are looked
            // up in Unicode's tables.
            for c in word.chars() {
                if c.is_ascii() {
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            }
        }
    }
}

/// The digest of some texts, squeezed.
fn digest(seed: Option<Key>, texts: &[&str]) -> Key {
    thread_local! {
        static BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUFFER.with_borrow_mut(|buffer| {
        buffer.clear();
        for text in texts {
            buffer.push('\u{1f}');
            squeeze(buffer, text);
        }
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        if let Some(seed) = seed {
            hasher.write_u64(seed);
        }
        hasher.write(buffer.as_bytes());
        hasher.finish()
    })
}

fn identity_key(email: &str, title: &str) -> Key {
    digest(None, &[email, title])
}

fn content_key(identity: Key, summary: &str) -> Key {
    digest(Some(identity), &[summary])
}

/// People by lower-case email, read once: a large first import then asks the database
/// nothing per row.
struct Emails(FxHashMap<String, i64>);

impl Emails {
    fn load(tx: &Transaction) -> Result<Emails> {
        Ok(Emails(
            store::people_by_email(tx)?
                .into_iter()
                .map(|(email, id)| (Emails::key(&email), id))
                .collect(),
        ))
    }

    fn key(email: &str) -> String {
        email.trim().to_lowercase()
    }
}

/// A row read into the domain, with what the merge compares, all worked out away from
/// the database.
struct Prepared {
    incoming: rows::IncomingSubmission,
    fields: ImportedFields,
    flags: String,
    identity: Key,
    content: Key,
}

impl Prepared {
    fn new(mut incoming: rows::IncomingSubmission) -> Prepared {
        let flags = serde_json::to_string(&incoming.problems).expect("problems serialise");
        let identity = identity_key(&incoming.contact.email, &incoming.title);
        let content = content_key(identity, &incoming.summary);
        // The texts move to what is stored (a large file has thousands of summaries);
        // the merge reads the title from `fields`.
        let fields = ImportedFields {
            format: incoming.format.code().to_string(),
            axes: incoming
                .axes
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(","),
            actor_type: incoming.contact.actor_type.code().to_string(),
            title: std::mem::take(&mut incoming.title),
            summary: std::mem::take(&mut incoming.summary),
            language: std::mem::take(&mut incoming.language),
            co_speakers: std::mem::take(&mut incoming.co_speakers),
            submitted_at: incoming.submitted_at.take(),
        };
        Prepared {
            incoming,
            fields,
            flags,
            identity,
            content,
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn merge_submission(
    tx: &Transaction,
    inserts: &mut store::Inserts,
    prepared: Prepared,
    import_id: i64,
    known: &mut Known,
    emails: &mut Emails,
    seen: &mut FxHashSet<i64>,
    report: &mut Report,
) -> Result<()> {
    let Prepared {
        mut incoming,
        fields,
        mut flags,
        identity,
        content,
    } = prepared;
    let raw = &incoming.raw;

    let matched = match incoming.external_id.as_deref() {
        Some(external) => known.by_external.get(external).copied(),
        None => known.by_identity.get(&identity).copied(),
    };

    let matched = match matched {
        Some(Match::Stored(index)) if seen.insert(known.list[index].id) => Some(index),
        Some(_) => {
            report.duplicates += 1;
            report.problems.push(Problem {
                row: incoming.row,
                column: String::new(),
                severity: Severity::Warning,
                message: "la même réponse figure plus haut dans le fichier\u{a0}: ligne ignorée"
                    .into(),
                field: None,
            });
            return Ok(());
        }
        None => None,
    };
    if let Some(index) = matched {
        let existing = &mut known.list[index];
        let mut next = existing.fields.clone();
        let mut changed = Vec::new();
        let mut kept = Vec::new();
        for name in ImportedFields::NAMES {
            let new_value = fields.get(name);
            if existing.fields.get(name) == new_value {
                continue;
            }
            if existing.overrides.contains_key(name) {
                kept.push(name.to_string());
            } else {
                next.set(name, new_value);
                changed.push(name.to_string());
            }
        }
        let mut reflag = false;
        if let Some(contact) = existing.contact_id {
            let (fields_changed, corrected) =
                update_contact(tx, contact, &incoming.contact, import_id)?;
            changed.extend(fields_changed);
            reflag = answered(&mut incoming.problems, &corrected);
        }
        // Still a repeat of an earlier sending: still flagged as one.
        if let Some(original) = existing.duplicate_of {
            incoming
                .problems
                .push(double_sending(incoming.row, original));
            reflag = true;
        }
        if reflag {
            flags = serde_json::to_string(&incoming.problems).expect("problems serialise");
        }
        report.problems.extend(incoming.problems.iter().cloned());
        store::update_imported_submission(tx, existing.id, &next, raw, &flags, import_id)?;
        existing.fields = next;
        if changed.is_empty() {
            report.unchanged += 1;
        } else {
            report.updated += 1;
        }
        if !changed.is_empty() || !kept.is_empty() {
            report.changes.push(Change {
                row: incoming.row,
                id: existing.id,
                fields: changed,
                kept,
                details: Vec::new(),
            });
        }
        return Ok(());
    }

    // Not known yet: a first answer, or the same person sending the same content again.
    let original = known
        .by_content
        .get(&content)
        .copied()
        .filter(|_| !fields.title.is_empty());
    let (contact, corrected) = resolve_contact(tx, inserts, &incoming.contact, import_id, emails)?;
    let mut answered_now = answered(&mut incoming.problems, &corrected);
    // A repeated sending is flagged on the row itself: it shows under "Signalées".
    if let Some(original) = original {
        incoming
            .problems
            .push(double_sending(incoming.row, original));
        answered_now = true;
    }
    if answered_now {
        flags = serde_json::to_string(&incoming.problems).expect("problems serialise");
    }
    report.problems.extend(incoming.problems.iter().cloned());
    let id = inserts.submission(&store::NewSubmission {
        external_id: incoming.external_id.as_deref(),
        contact_id: Some(contact),
        fields: &fields,
        raw,
        flags: &flags,
        duplicate_of: original,
        import_id,
    })?;
    seen.insert(id);
    known.add(incoming.external_id.as_deref(), Match::Added, identity);
    if !fields.title.is_empty() {
        known.by_content.entry(content).or_insert(id);
    }
    if original.is_some() {
        report.duplicates += 1;
    } else {
        report.new += 1;
    }
    Ok(())
}

/// The problem a repeated sending of the same content carries.
fn double_sending(row: usize, original: i64) -> Problem {
    Problem {
        row,
        column: String::new(),
        severity: Severity::Warning,
        message: format!(
            "envoi en double d'une même contribution (regroupée avec la n°\u{a0}{original})"
        ),
        field: None,
    }
}

/// Takes away the problems about fields the organisers corrected by hand: the file's
/// value is not used for them. True when some were taken away.
fn answered(problems: &mut Vec<Problem>, corrected: &[String]) -> bool {
    if corrected.is_empty() {
        return false;
    }
    let is_corrected = |column: &str| corrected.iter().any(|c| c == column);
    let before = problems.len();
    problems.retain(|p| {
        let columns: &[&str] = match p.field {
            Some(Field::Email) => &["email"],
            Some(Field::FirstName) => &["first_name"],
            Some(Field::LastName) | Some(Field::FullName) => &["last_name", "first_name"],
            Some(Field::Organisation) => &["organisation"],
            Some(Field::Phone) => &["phone"],
            _ => &[],
        };
        !columns.iter().any(|c| is_corrected(c))
    });
    problems.len() != before
}

fn person_from(fields: &PersonFields) -> StoredPerson {
    StoredPerson {
        person: Person {
            first_name: fields.first_name.clone(),
            last_name: fields.last_name.clone(),
            email: fields.email.clone(),
            phone: fields.phone.clone(),
            organisation: fields.organisation.clone(),
            actor_type: fields.actor_type,
            country: fields.country.clone(),
            ..Person::default()
        },
        ..StoredPerson::default()
    }
}

fn find_person(tx: &Transaction, fields: &PersonFields) -> Result<Option<StoredPerson>> {
    if !fields.email.is_empty() {
        return store::find_person_by_email(tx, &fields.email);
    }
    if fields.first_name.is_empty() && fields.last_name.is_empty() {
        return Ok(None);
    }
    store::find_person_by_name(
        tx,
        &fields.first_name,
        &fields.last_name,
        &fields.organisation,
    )
}

/// The person a submission's contact is: found by email (or name) and brought up to
/// date, or created; with the fields corrected by hand on them.
fn resolve_contact(
    tx: &Transaction,
    inserts: &mut store::Inserts,
    fields: &PersonFields,
    import_id: i64,
    emails: &mut Emails,
) -> Result<(i64, Vec<String>)> {
    let found = if fields.email.is_empty() {
        find_person(tx, fields)?.map(|p| p.person.id)
    } else {
        emails.0.get(&Emails::key(&fields.email)).copied()
    };
    match found {
        Some(id) => {
            let (_, corrected) = update_contact(tx, id, fields, import_id)?;
            Ok((id, corrected))
        }
        None => {
            let id = inserts.person(&person_from(fields), Some(import_id))?;
            if !fields.email.is_empty() {
                emails.0.insert(Emails::key(&fields.email), id);
            }
            Ok((id, Vec::new()))
        }
    }
}

/// Writes the file's non-empty identity fields on a person, but those corrected by hand;
/// returns the fields changed, and those corrected.
fn update_contact(
    tx: &Transaction,
    id: i64,
    fields: &PersonFields,
    import_id: i64,
) -> Result<(Vec<String>, Vec<String>)> {
    let Some(mut stored) = store::read_person(tx, id)? else {
        return Ok((Vec::new(), Vec::new()));
    };
    let corrected = std::mem::take(&mut stored.corrected);
    let person = &mut stored.person;
    let mut changed = Vec::new();
    let mut set = |name: &str, slot: &mut String, value: &str| {
        if !value.is_empty() && slot != value && !corrected.iter().any(|c| c == name) {
            *slot = value.to_string();
            changed.push(name.to_string());
        }
    };
    set("first_name", &mut person.first_name, &fields.first_name);
    set("last_name", &mut person.last_name, &fields.last_name);
    set("email", &mut person.email, &fields.email);
    set("phone", &mut person.phone, &fields.phone);
    set(
        "organisation",
        &mut person.organisation,
        &fields.organisation,
    );
    set("country", &mut person.country, &fields.country);
    if !changed.is_empty() {
        store::write_person(tx, &stored, Some(import_id))?;
    }
    Ok((changed, corrected))
}

fn merge_registration(
    tx: &Transaction,
    incoming: rows::IncomingRegistration,
    import_id: i64,
    seen: &mut FxHashSet<i64>,
    report: &mut Report,
) -> Result<()> {
    let existing = find_person(tx, &incoming.person)?;
    let mut stored = match &existing {
        Some(p) => p.clone(),
        None => person_from(&incoming.person),
    };
    if let Some(found) = &existing {
        if !seen.insert(found.person.id) {
            report.duplicates += 1;
            report.problems.push(Problem {
                row: incoming.row,
                column: String::new(),
                severity: Severity::Warning,
                message: "inscription en double (même personne plus haut dans le fichier)".into(),
                field: None,
            });
            return Ok(());
        }
    }
    let before = stored.clone();
    let imported = person_from(&incoming.person).person;
    let corrected = stored.corrected.clone();
    let person = &mut stored.person;
    for (name, slot, value) in [
        ("first_name", &mut person.first_name, imported.first_name),
        ("last_name", &mut person.last_name, imported.last_name),
        ("email", &mut person.email, imported.email),
        ("phone", &mut person.phone, imported.phone),
        (
            "organisation",
            &mut person.organisation,
            imported.organisation,
        ),
        ("country", &mut person.country, imported.country),
        ("wishes", &mut person.wishes, incoming.wishes.clone()),
        (
            "accessibility",
            &mut person.accessibility,
            incoming.accessibility.clone(),
        ),
    ] {
        // What the organisers corrected by hand stays as they wrote it.
        if !value.is_empty() && !corrected.iter().any(|c| c == name) {
            *slot = value;
        }
    }
    if incoming.person.actor_type != crate::model::ActorType::Autre {
        person.actor_type = incoming.person.actor_type;
    }
    person.registered = true;
    if incoming.external_id.is_some() {
        stored.external_id = incoming.external_id.clone();
    }
    if existing.is_some() && stored == before {
        report.unchanged += 1;
        return Ok(());
    }
    let id = store::write_person(tx, &stored, Some(import_id))?;
    seen.insert(id);
    if existing.is_some() {
        report.updated += 1;
    } else {
        report.new += 1;
    }
    Ok(())
}
