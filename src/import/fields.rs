//! The fields an import fills, and the column headers that name them, in French and
//! English as web forms and hand-kept lists write them.

use serde::{Deserialize, Serialize};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    FirstName,
    LastName,
    /// "Nom complet", when first and last name share a column.
    FullName,
    Email,
    Phone,
    Organisation,
    ActorType,
    Country,
    Format,
    Axes,
    Title,
    Summary,
    Language,
    CoSpeakers,
    SubmittedAt,
    ExternalId,
    Wishes,
    Accessibility,
    /// A column read and kept in the raw row, but mapped to nothing (IP address, draft...).
    Ignored,
}

impl Field {
    pub fn label_fr(self) -> &'static str {
        match self {
            Field::FirstName => "prénom",
            Field::LastName => "nom",
            Field::FullName => "nom complet",
            Field::Email => "courriel",
            Field::Phone => "téléphone",
            Field::Organisation => "organisation",
            Field::ActorType => "type d'acteur",
            Field::Country => "pays",
            Field::Format => "format",
            Field::Axes => "axes",
            Field::Title => "titre",
            Field::Summary => "résumé",
            Field::Language => "langue",
            Field::CoSpeakers => "co-intervenant·es",
            Field::SubmittedAt => "date de soumission",
            Field::ExternalId => "identifiant",
            Field::Wishes => "souhaits",
            Field::Accessibility => "accessibilité",
            Field::Ignored => "ignorée",
        }
    }

    /// Fields whose answers can come as one column per option holding "X".
    pub fn has_options(self) -> bool {
        matches!(
            self,
            Field::Axes | Field::Format | Field::ActorType | Field::Language | Field::Wishes
        )
    }
}

/// Headers, normalised (see `normalise_header`), that name each field. Longer, more
/// specific names win over shorter ones ("nom de la structure" is an organisation, not a
/// last name).
pub const ALIASES: &[(Field, &[&str])] = &[
    (
        Field::ExternalId,
        &[
            "sid",
            "serial",
            "sequentiel",
            "numero de soumission",
            "submission id",
            "id",
            "identifiant",
            "numero",
        ],
    ),
    (
        Field::SubmittedAt,
        &[
            "heure de soumission",
            "date de soumission",
            "soumis le",
            "submitted",
            "submission time",
            "submitted on",
            "horodateur",
            "horodatage",
            "timestamp",
            "date d envoi",
            "date",
        ],
    ),
    (
        Field::Ignored,
        &[
            "brouillon",
            "draft",
            "adresse ip",
            "ip address",
            "ip",
            "uid",
            "nom d utilisateur",
            "user name",
            "username",
            "utilisateur",
        ],
    ),
    (
        Field::FirstName,
        &[
            "prenom",
            "first name",
            "firstname",
            "given name",
            "prenom du contributeur",
        ],
    ),
    (
        Field::LastName,
        &[
            "nom",
            "nom de famille",
            "last name",
            "lastname",
            "surname",
            "family name",
            "nom du contributeur",
        ],
    ),
    (
        Field::FullName,
        &[
            "nom complet",
            "nom et prenom",
            "prenom et nom",
            "full name",
            "name",
            "nom prenom",
            "prenom nom",
        ],
    ),
    (
        Field::Email,
        &[
            "courriel",
            "e mail",
            "email",
            "mail",
            "adresse electronique",
            "adresse e mail",
            "adresse mail",
            "adresse courriel",
            "email address",
        ],
    ),
    (
        Field::Phone,
        &[
            "telephone",
            "tel",
            "phone",
            "portable",
            "mobile",
            "numero de telephone",
            "phone number",
        ],
    ),
    (
        Field::Organisation,
        &[
            "structure",
            "organisme",
            "organisation",
            "organization",
            "entreprise",
            "institution",
            "affiliation",
            "employeur",
            "nom de la structure",
            "nom de l organisation",
            "structure d appartenance",
            "company",
        ],
    ),
    (
        Field::ActorType,
        &[
            "type d acteur",
            "type de structure",
            "categorie d acteur",
            "actor type",
            "type of organisation",
            "type of organization",
            "vous etes",
            "type d organisation",
            "statut de la structure",
            "type d acteurs",
            "categorie",
            "type de l organisme",
        ],
    ),
    (Field::Country, &["pays", "country"]),
    (
        Field::Format,
        &[
            "format",
            "format de contribution",
            "type de contribution",
            "format souhaite",
            "format de la contribution",
            "format of contribution",
            "format de l intervention",
            "type d intervention",
        ],
    ),
    (
        Field::Axes,
        &[
            "axe",
            "axes",
            "axes thematiques",
            "axe thematique",
            "themes",
            "theme",
            "axis",
        ],
    ),
    (
        Field::Title,
        &[
            "titre",
            "titre de la contribution",
            "titre de la proposition",
            "title",
            "intitule",
            "titre de l intervention",
            "titre du projet",
        ],
    ),
    (
        Field::Summary,
        &[
            "resume",
            "description",
            "presentation",
            "summary",
            "abstract",
            "contenu de la contribution",
            "descriptif",
            "presentation de la contribution",
            "description du projet",
            "proposition",
        ],
    ),
    (
        Field::Language,
        &[
            "langue",
            "language",
            "langue de l intervention",
            "langue de presentation",
        ],
    ),
    (
        Field::CoSpeakers,
        &[
            "co intervenants",
            "co intervenant",
            "autres intervenants",
            "co speakers",
            "intervenants",
            "co auteurs",
        ],
    ),
    (
        Field::Wishes,
        &[
            "souhaits",
            "voeux",
            "sessions souhaitees",
            "wishes",
            "ateliers souhaites",
            "interets",
        ],
    ),
    (
        Field::Accessibility,
        &[
            "accessibilite",
            "besoins d accessibilite",
            "handicap",
            "accessibility",
            "besoins specifiques",
            "besoins particuliers",
            "mobilite reduite",
        ],
    ),
];

/// "Adresse électronique :" -> "adresse electronique": accents, case, punctuation and
/// repeated spaces set aside, so that headers compare as the organisers read them.
pub fn normalise_header(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let spaced: String = ascii
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The field a header names, with how sure that is (1.0 for an exact name). `None` when
/// nothing comes close.
pub fn field_for_header(header: &str) -> Option<(Field, f64)> {
    score_header(header, true)
}

/// Whether `header` surely names a field (by name or the words of one, not a look-alike):
/// what the search for the header row counts, cell by cell in the first rows.
pub fn names_a_field(header: &str) -> bool {
    // Look-alikes score at most 0.5: leaving them out gives the same answer, without
    // comparing every answer in those rows letter by letter with every alias.
    score_header(header, false).is_some_and(|(_, score)| score >= SURE)
}

/// The score from which a header surely names its field.
pub const SURE: f64 = 0.6;

fn score_header(header: &str, look_alikes: bool) -> Option<(Field, f64)> {
    // A header is a few words; long cells are answers, not headers (and comparing them
    // letter by letter would cost more than the rest of the import).
    if header.len() > 200 {
        return None;
    }
    let header = normalise_header(header);
    if header.is_empty() {
        return None;
    }
    let words: Vec<&str> = header.split(' ').collect();
    let mut best: Option<(Field, f64)> = None;
    let mut consider = |field: Field, score: f64| {
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((field, score));
        }
    };
    for (field, aliases) in ALIASES {
        for (rank, alias) in aliases.iter().enumerate() {
            if header == *alias {
                // Earlier aliases are the surer names: a Webform export has both "SID"
                // and "Séquentiel", and the SID is the answer's identity.
                consider(*field, 1.0 - rank as f64 * 0.001);
            } else if contains_words(&words, alias) {
                // "Titre de votre contribution" holds "titre": the longer the alias found,
                // the surer the match.
                let share = alias.len() as f64 / header.len() as f64;
                consider(*field, SURE + 0.3 * share);
            } else if look_alikes
                && alias.len() >= 5
                && header.len() <= 60
                && could_be_close(&header, alias)
            {
                // Typos and variants: "Organisme d'appartenance", "Courriel " with odd spelling.
                let similarity = strsim::jaro_winkler(&header, alias);
                if similarity >= 0.93 {
                    consider(*field, 0.5 * similarity);
                }
            }
        }
    }
    best
}

/// Whether two texts' lengths allow a Jaro-Winkler similarity of 0.93. Jaro is at most
/// (2 + shorter / longer) / 3 and Winkler adds at most 0.4 of what is left, so 0.93 needs
/// a Jaro of 0.883 and a length ratio of 0.65. The header search reads a dozen rows of
/// answers: most of their cells are ruled out without comparing letters.
fn could_be_close(a: &str, b: &str) -> bool {
    let (a, b) = (a.chars().count(), b.chars().count());
    let (short, long) = (a.min(b), a.max(b));
    short as f64 >= 0.65 * long as f64
}

fn contains_words(hay: &[&str], needle: &str) -> bool {
    let count = needle.split(' ').count();
    hay.windows(count)
        .any(|w| w.iter().copied().eq(needle.split(' ')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_search_counts_what_the_full_reading_is_sure_of() {
        let aliases: Vec<&str> = ALIASES
            .iter()
            .flat_map(|(_, a)| a.iter().copied())
            .collect();
        let mut texts: Vec<String> = aliases.iter().map(|a| a.to_string()).collect();
        texts.extend(aliases.iter().map(|a| format!("Votre {a} ici")));
        texts.extend(aliases.iter().map(|a| format!("{a}x")));
        texts.extend(
            [
                "Courriell",
                "Prénom12",
                "p12@example.org",
                "Organisme d'appartenance",
            ]
            .map(String::from),
        );
        for text in &texts {
            let full = field_for_header(text).is_some_and(|(_, s)| s >= SURE);
            assert_eq!(names_a_field(text), full, "{text}");
        }
    }

    #[test]
    fn the_length_check_never_rules_out_a_close_pair() {
        // Every alias against every alias cut or stretched: whenever the letters would
        // have matched, the lengths let them be compared.
        let aliases: Vec<&str> = ALIASES
            .iter()
            .flat_map(|(_, a)| a.iter().copied())
            .collect();
        let mut close = 0;
        for a in &aliases {
            for b in &aliases {
                for cut in 0..b.chars().count() {
                    let variant: String = b.chars().take(cut).collect();
                    let stretched = format!("{b} {variant}");
                    for candidate in [variant.as_str(), stretched.as_str()] {
                        if strsim::jaro_winkler(a, candidate) >= 0.93 {
                            close += 1;
                            assert!(could_be_close(a, candidate), "{a} / {candidate}");
                        }
                    }
                }
            }
        }
        assert!(close > 50, "the check was exercised: {close}");
        assert!(!could_be_close(
            "courriel",
            "un résumé de quelques phrases, avec des accents"
        ));
    }

    fn field(header: &str) -> Option<Field> {
        field_for_header(header).map(|(f, _)| f)
    }

    #[test]
    fn headers_in_french_and_english_find_their_field() {
        assert_eq!(field("Adresse électronique :"), Some(Field::Email));
        assert_eq!(field("E-mail"), Some(Field::Email));
        assert_eq!(field("COURRIEL"), Some(Field::Email));
        assert_eq!(field("Structure"), Some(Field::Organisation));
        assert_eq!(field("Organisme"), Some(Field::Organisation));
        assert_eq!(field("Nom de la structure"), Some(Field::Organisation));
        assert_eq!(field("Nom"), Some(Field::LastName));
        assert_eq!(field("Prénom"), Some(Field::FirstName));
        assert_eq!(field("Nom d'utilisateur"), Some(Field::Ignored));
        assert_eq!(field("Heure de soumission"), Some(Field::SubmittedAt));
        assert_eq!(field("Titre de votre contribution"), Some(Field::Title));
        assert_eq!(field("Vous êtes :"), Some(Field::ActorType));
        assert_eq!(field("Type de structure"), Some(Field::ActorType));
        assert_eq!(field("Langue de l'intervention"), Some(Field::Language));
        assert_eq!(field("Last name"), Some(Field::LastName));
        assert_eq!(field("Résumé (1 500 signes max.)"), Some(Field::Summary));
        assert_eq!(field("Couleur préférée"), None);
        let sid = field_for_header("SID").unwrap();
        let serial = field_for_header("Séquentiel").unwrap();
        assert_eq!((sid.0, serial.0), (Field::ExternalId, Field::ExternalId));
        assert!(sid.1 > serial.1, "the SID is the better identity");
    }
}
