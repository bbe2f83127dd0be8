//! From what people typed in a web form to the domain's values: formats, axes, kinds of
//! actors, languages, dates. Each function says when it had to guess.

use chrono::format::{Item, Parsed, StrftimeItems};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::fields::normalise_header as normalise;
use super::table::Value;
use crate::model::{ActorType, Format};

fn has_word(text: &str, word: &str) -> bool {
    let words: Vec<&str> = text.split(' ').collect();
    let wanted: Vec<&str> = word.split(' ').collect();
    words.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

fn starts_any(text: &str, stems: &[&str]) -> bool {
    text.split(' ')
        .any(|w| stems.iter().any(|s| w.starts_with(s)))
}

pub fn format(text: &str) -> Option<Format> {
    format_normalised(&normalise(text))
}

/// `format`, for a text already normalised (`fields::normalise_header`).
pub fn format_normalised(t: &str) -> Option<Format> {
    if t.is_empty() {
        return None;
    }
    if starts_any(t, &["centrifug", "centri"])
        || has_word(t, "co construction")
        || has_word(t, "coconstruction")
    {
        Some(Format::Centrifugeuse)
    } else if starts_any(t, &["recherch", "research", "scientifi"]) {
        Some(Format::Recherche)
    } else if has_word(t, "retour")
        || has_word(t, "retours")
        || starts_any(t, &["experience"])
        || has_word(t, "rex")
        || has_word(t, "case study")
        || has_word(t, "lessons learned")
        || has_word(t, "experience report")
    {
        Some(Format::RetourExperience)
    } else if starts_any(t, &["pitch", "appel", "call"]) {
        Some(Format::Pitch)
    } else {
        None
    }
}

/// Axes 1 to 4 named in the text: "Axe 2 – Technologies citoyennes", "1, 3", "Govtech".
pub fn axes(text: &str) -> Vec<u8> {
    axes_normalised(&normalise(text))
}

/// `axes`, for a text already normalised.
pub fn axes_normalised(t: &str) -> Vec<u8> {
    let mut found: Vec<u8> = Vec::new();
    for word in t.split(' ') {
        if let Ok(n) = word.parse::<u8>() {
            if (1..=4).contains(&n) {
                found.push(n);
            }
        }
    }
    if found.is_empty() {
        let names: [(u8, &[&str]); 4] = [
            (
                1,
                &[
                    "govtech",
                    "institution",
                    "institutions",
                    "public institutions",
                    "government",
                ],
            ),
            (
                2,
                &[
                    "technologies citoyennes",
                    "technologie citoyenne",
                    "associations",
                    "collectifs",
                    "civic technologies",
                    "citizen technologies",
                ],
            ),
            (
                3,
                &[
                    "ecosysteme",
                    "modeles economiques",
                    "marche",
                    "ecosystem",
                    "business models",
                    "funding",
                ],
            ),
            (
                4,
                &[
                    "democratie en entreprise",
                    "entreprise",
                    "organisation",
                    "democracy at work",
                    "workplace democracy",
                    "democracy in organisations",
                    "democracy in organizations",
                ],
            ),
        ];
        for (axis, words) in names {
            if words.iter().any(|w| has_word(t, w)) {
                found.push(axis);
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// The kind of actor, and whether that is a sure reading (false: a guess to review).
pub fn actor_type(text: &str) -> (ActorType, bool) {
    actor_type_normalised(&normalise(text))
}

/// `actor_type`, for a text already normalised.
pub fn actor_type_normalised(t: &str) -> (ActorType, bool) {
    if t.is_empty() {
        return (ActorType::Autre, false);
    }
    // Codes and the call's own four names first.
    let exact = [
        ("public", ActorType::Public),
        ("acteurs publics et institutionnels", ActorType::Public),
        ("acteur public", ActorType::Public),
        ("entreprise", ActorType::Entreprise),
        ("entreprises et start ups", ActorType::Entreprise),
        ("association", ActorType::Association),
        ("associations et collectifs", ActorType::Association),
        ("recherche", ActorType::Recherche),
        ("universitaires et think tanks", ActorType::Recherche),
        // An explicit "other", or a person on their own: a sure answer, not a guess.
        ("autre", ActorType::Autre),
        ("other", ActorType::Autre),
        ("particulier", ActorType::Autre),
        ("particuliere", ActorType::Autre),
        ("individual", ActorType::Autre),
        ("citoyen", ActorType::Autre),
        ("citoyenne", ActorType::Autre),
        ("citoyen ne", ActorType::Autre),
        ("citoyen ne autre", ActorType::Autre),
        ("citoyen autre", ActorType::Autre),
        ("a titre personnel", ActorType::Autre),
    ];
    if let Some((_, kind)) = exact.iter().find(|(name, _)| *name == t) {
        return (*kind, true);
    }
    let research = [
        "universit",
        "chercheu",
        "recherche",
        "laboratoire",
        "think",
        "academ",
        "cnrs",
        "doctorant",
        "enseignant",
    ];
    let public = [
        "collectivit",
        "mairie",
        "ville",
        "commune",
        "ministere",
        "region",
        "departement",
        "metropole",
        "agence",
        "administration",
        "prefecture",
        "intercommunal",
        "parlement",
        "assemblee",
        "senat",
        "etablissement public",
        "service public",
        "secteur public",
        "public",
        "commission",
        "alcaldia",
        "municipalidad",
        "kommune",
        "municipality",
        "city of",
        "city council",
        "county",
        "acteur public",
        "acteurs publics",
        "public body",
        "public bodies",
        "public sector",
        "local government",
        "institution",
        "government",
        "etat",
        "gouvernement",
        "elu",
        "municipal",
        "conseil departemental",
        "conseil regional",
    ];
    let association = [
        "association",
        "collectif",
        "ong",
        "ngo",
        "collective",
        "asso",
        "grassroots",
        "non profit",
        "nonprofit",
        "charity",
        "federation",
        "syndicat",
        "benevol",
        "mouvement",
        "fondation",
    ];
    let business = [
        "entreprise",
        "start",
        "startup",
        "societe",
        "sas",
        "sarl",
        "cabinet",
        "pme",
        "freelance",
        "prive",
        "private",
        "independant",
        "consult",
        "agence de conseil",
        "scop",
    ];
    let hit = |stems: &[&str]| {
        stems
            .iter()
            .any(|s| t.split(' ').any(|w| w.starts_with(s)) || (s.contains(' ') && t.contains(s)))
    };
    // "Think-tank" before "entreprise", "Conseil départemental" before "cabinet de conseil".
    if hit(&research) {
        (ActorType::Recherche, true)
    } else if hit(&public) {
        (ActorType::Public, true)
    } else if hit(&association) {
        (ActorType::Association, true)
    } else if hit(&business) {
        (ActorType::Entreprise, true)
    } else {
        (ActorType::Autre, false)
    }
}

/// "fr" or "en"; French unless the text says English.
pub fn language(text: &str) -> Option<&'static str> {
    language_normalised(&normalise(text))
}

/// `language`, for a text already normalised.
pub fn language_normalised(t: &str) -> Option<&'static str> {
    if t.is_empty() {
        return None;
    }
    if [
        "anglais",
        "english",
        "en",
        "eng",
        "in english",
        "en anglais",
    ]
    .contains(&t)
        || starts_any(t, &["anglais", "english"])
    {
        Some("en")
    } else if ["francais", "french", "fr", "fra"].contains(&t)
        || starts_any(t, &["francais", "french"])
    {
        Some("fr")
    } else {
        None
    }
}

/// "2019-01-24T14:05:00", written field by field (formatting with a pattern parses the
/// pattern at every call, once per row of a large file).
pub fn iso(dt: &NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second()
    )
}

/// A date and time from a cell: a real date, an Excel serial number (what web forms'
/// xlsx hold), ISO 8601, "18/03/2019", "18/03/2019 - 10:05", "18/03/2019 10:05:00".
pub fn date_time(value: &Value) -> Option<NaiveDateTime> {
    match value {
        Value::DateTime(dt) => Some(*dt),
        Value::Number(serial) => from_excel_serial(*serial),
        Value::Text(text) => parse_date_text(text),
        _ => None,
    }
}

fn from_excel_serial(serial: f64) -> Option<NaiveDateTime> {
    // Spreadsheet serials count days from 1899-12-30; a plausible range only.
    if !(1.0..200_000.0).contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_time(NaiveTime::MIN);
    let seconds = (serial * 86_400.0).round() as i64;
    epoch.checked_add_signed(Duration::seconds(seconds))
}

/// The patterns of dates with a time, then of dates alone, tried in order.
const DATE_PATTERNS: &[(&str, bool)] = &[
    ("%Y-%m-%dT%H:%M:%S", true),
    ("%Y-%m-%d %H:%M:%S", true),
    ("%Y-%m-%d %H:%M", true),
    ("%d/%m/%Y - %H:%M", true),
    ("%d/%m/%Y - %H:%M:%S", true),
    ("%d/%m/%Y %H:%M:%S", true),
    ("%d/%m/%Y %H:%M", true),
    ("%d/%m/%Y à %H:%M", true),
    ("%d/%m/%Y %Hh%M", true),
    ("%d.%m.%Y %H:%M", true),
    // Google Forms in English: "2019/12/03 2:27:17 PM" (its "GMT+1" set aside).
    ("%Y/%m/%d %I:%M:%S %p", true),
    ("%Y/%m/%d %H:%M:%S", true),
    ("%Y-%m-%d", false),
    ("%d/%m/%Y", false),
    ("%d/%m/%y", false),
    ("%d.%m.%Y", false),
    ("%d-%m-%Y", false),
];

fn parse_date_text(text: &str) -> Option<NaiveDateTime> {
    // A file writes all its dates one way: the pattern that read the last one is tried
    // first (a large file's dates are read in one attempt each, not ten).
    thread_local! {
        static LAST: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
    }
    let text = text.trim();
    // A zone written after the time ("GMT+1", "UTC"): the time is read as written, in
    // the event's own zone, as the other forms give it.
    let text = match text.rfind(" GMT").or_else(|| text.rfind(" UTC")) {
        Some(at) if at > 8 => text[..at].trim_end(),
        _ => text,
    };
    // The patterns are read once (`parse_from_str` reads its pattern at every call).
    static PATTERNS: std::sync::LazyLock<Vec<(Vec<Item<'static>>, bool)>> =
        std::sync::LazyLock::new(|| {
            DATE_PATTERNS
                .iter()
                .map(|(pattern, with_time)| {
                    let items = StrftimeItems::new(pattern).parse_to_owned();
                    (items.expect("the date patterns are valid"), *with_time)
                })
                .collect()
        });
    let attempt = |index: usize| -> Option<NaiveDateTime> {
        let (items, with_time) = &PATTERNS[index];
        let mut parsed = Parsed::new();
        chrono::format::parse(&mut parsed, text, items.iter()).ok()?;
        if *with_time {
            parsed.to_naive_datetime_with_offset(0).ok()
        } else {
            let date = parsed.to_naive_date().ok()?;
            Some(date.and_time(NaiveTime::MIN))
        }
    };
    if let Some(found) = LAST.get().and_then(attempt) {
        return Some(found);
    }
    if let Ok(serial) = text.replace(',', ".").parse::<f64>() {
        return from_excel_serial(serial);
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(dt.naive_local());
    }
    let (index, found) = (0..DATE_PATTERNS.len()).find_map(|i| attempt(i).map(|dt| (i, dt)))?;
    LAST.set(Some(index));
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_what_people_write() {
        assert_eq!(format("Présentation de recherche"), Some(Format::Recherche));
        assert_eq!(
            format("Retour d'expériences"),
            Some(Format::RetourExperience)
        );
        assert_eq!(format("Pitch/ Appel"), Some(Format::Pitch));
        assert_eq!(format("Centrifugeuses"), Some(Format::Centrifugeuse));
        assert_eq!(
            format("Session de co-construction"),
            Some(Format::Centrifugeuse)
        );
        assert_eq!(format("Conférence"), None);
    }

    #[test]
    fn axes_from_numbers_and_names() {
        assert_eq!(axes("Axe 2 – Technologies citoyennes"), vec![2]);
        assert_eq!(axes("1, 3"), vec![1, 3]);
        assert_eq!(axes("Govtech"), vec![1]);
        assert_eq!(axes("4;1;4"), vec![1, 4]);
        assert!(axes("").is_empty());
    }

    #[test]
    fn actor_types_from_organisations_words() {
        assert_eq!(
            actor_type("Collectivité territoriale"),
            (ActorType::Public, true)
        );
        assert_eq!(actor_type("Ministère"), (ActorType::Public, true));
        assert_eq!(
            actor_type("Conseil départemental"),
            (ActorType::Public, true)
        );
        assert_eq!(actor_type("Start-up"), (ActorType::Entreprise, true));
        assert_eq!(
            actor_type("Collectif citoyen"),
            (ActorType::Association, true)
        );
        assert_eq!(actor_type("Think-tank"), (ActorType::Recherche, true));
        assert_eq!(actor_type("Université"), (ActorType::Recherche, true));
        // "Autre" is an answer; "Fan-club" is a guess to review.
        assert_eq!(actor_type("Autre"), (ActorType::Autre, true));
        assert_eq!(actor_type("Fan-club"), (ActorType::Autre, false));
        assert_eq!(
            actor_type("Acteur public ou institutionnel"),
            (ActorType::Public, true)
        );
        assert_eq!(
            actor_type("An NGO or grassroots group"),
            (ActorType::Association, true)
        );
        assert_eq!(actor_type("Citoyen·ne / autre"), (ActorType::Autre, true));
        assert_eq!(actor_type("Indépendante"), (ActorType::Entreprise, true));
    }

    #[test]
    fn dates_in_every_form_the_files_have() {
        let expected = NaiveDate::from_ymd_opt(2019, 1, 24)
            .unwrap()
            .and_hms_opt(14, 5, 0)
            .unwrap();
        assert_eq!(
            date_time(&Value::Text("24/01/2019 - 14:05".into())),
            Some(expected)
        );
        assert_eq!(
            date_time(&Value::Text("2019-01-24T14:05:00".into())),
            Some(expected)
        );
        assert_eq!(
            date_time(&Value::Text("24/01/2019 14:05".into())),
            Some(expected)
        );
        // 43489 is 2019-01-24 in spreadsheet serials; .5868... is 14:05.
        let serial = 43489.0 + (14.0 * 60.0 + 5.0) / 1440.0;
        assert_eq!(date_time(&Value::Number(serial)), Some(expected));
        assert_eq!(
            date_time(&Value::Text(format!("{serial}").replace('.', ","))),
            Some(expected)
        );
        assert_eq!(date_time(&Value::Text("bientôt".into())), None);
        assert_eq!(
            date_time(&Value::Text("2019/01/24 2:05:00 PM GMT+1".into())),
            Some(expected)
        );
    }

    #[test]
    fn languages() {
        assert_eq!(language("Anglais"), Some("en"));
        assert_eq!(language("English"), Some("en"));
        assert_eq!(language("Français"), Some("fr"));
        assert_eq!(language(""), None);
    }
}
