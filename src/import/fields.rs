//! The fields an import fills, and the words that name them in a column's header, in
//! French and English as web forms and hand-kept lists write them. A header is read as a
//! person reads it: hints in parentheses, possessives and question forms set aside
//! ("Quel est le titre de votre proposition ? (obligatoire)" names the title).

use serde::{Deserialize, Serialize};

use super::ListKind;

/// What a column holds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
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
    /// The form's own bookkeeping (IP address, draft...): kept in the verbatim row only.
    Ignored,
}

impl Field {
    pub const ALL: [Field; 19] = [
        Field::FirstName,
        Field::LastName,
        Field::FullName,
        Field::Email,
        Field::Phone,
        Field::Organisation,
        Field::ActorType,
        Field::Country,
        Field::Format,
        Field::Axes,
        Field::Title,
        Field::Summary,
        Field::Language,
        Field::CoSpeakers,
        Field::SubmittedAt,
        Field::ExternalId,
        Field::Wishes,
        Field::Accessibility,
        Field::Ignored,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::FullName => "full_name",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Organisation => "organisation",
            Field::ActorType => "actor_type",
            Field::Country => "country",
            Field::Format => "format",
            Field::Axes => "axes",
            Field::Title => "title",
            Field::Summary => "summary",
            Field::Language => "language",
            Field::CoSpeakers => "co_speakers",
            Field::SubmittedAt => "submitted_at",
            Field::ExternalId => "external_id",
            Field::Wishes => "wishes",
            Field::Accessibility => "accessibility",
            Field::Ignored => "ignored",
        }
    }

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

    /// A field named by its code ("title") or its French label ("titre"), as `--map`
    /// takes it.
    pub fn parse(text: &str) -> Option<Field> {
        let wanted = normalise_header(text);
        Field::ALL.into_iter().find(|f| {
            normalise_header(f.code()) == wanted || normalise_header(f.label_fr()) == wanted
        })
    }

    /// Fields whose answers can come as one column per option holding "X".
    pub fn has_options(self) -> bool {
        matches!(
            self,
            Field::Axes | Field::Format | Field::ActorType | Field::Language | Field::Wishes
        )
    }

    /// Fields stored as the cell was written (trimmed), not read into a value.
    pub fn stored_as_written(self) -> bool {
        matches!(
            self,
            Field::FirstName
                | Field::LastName
                | Field::Email
                | Field::Phone
                | Field::Organisation
                | Field::Country
                | Field::Title
                | Field::Summary
                | Field::CoSpeakers
                | Field::ExternalId
                | Field::Accessibility
        )
    }

    /// Whether a list of this kind has the field.
    pub fn belongs_to(self, kind: ListKind) -> bool {
        match self {
            Field::Format
            | Field::Axes
            | Field::Title
            | Field::Summary
            | Field::Language
            | Field::CoSpeakers => kind == ListKind::Submissions,
            Field::Wishes | Field::Accessibility => kind == ListKind::Registrations,
            _ => true,
        }
    }

    /// Fields that say who a person is: a row needs one of them.
    pub fn names_a_person(self) -> bool {
        matches!(
            self,
            Field::Email | Field::LastName | Field::FullName | Field::FirstName
        )
    }
}

/// Words that name each field, as phrases; the earlier a phrase in its list, the surer
/// a name it is. They are compared with a header's own words once both are normalised
/// and stripped of the words that carry no meaning (`FILLER`): "titre de la
/// proposition" is stored as said, and matches "Quel est le titre de votre proposition ?".
pub const ALIASES: &[(Field, &[&str])] = &[
    (
        Field::ExternalId,
        &[
            "sid",
            "serial",
            "sequentiel",
            "numero de soumission",
            "submission id",
            "id de la reponse",
            "response id",
            "id",
            "identifiant",
            "numero",
            "n",
            "no",
            "num",
            "reference",
            "ref",
            "numero de billet",
            "ticket number",
            "numero d inscription",
            "numero de commande",
            "order number",
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
            "submitted at",
            "submission date",
            "submit date",
            "date submitted",
            "date de depot",
            "horodateur",
            "horodatage",
            "timestamp",
            "date d envoi",
            "heure de fin",
            "completion time",
            "date de reponse",
            "date d inscription",
            "registration date",
            "date d achat",
            "purchase date",
            "date de commande",
            "order date",
            "date de creation",
            "created at",
            "created",
            "cree le",
            "date",
            "heure de debut",
            "start time",
            "start date",
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
            "user agent",
            "network id",
            "derniere modification",
            "last modified",
        ],
    ),
    (
        Field::FirstName,
        &[
            "prenom",
            "first name",
            "firstname",
            "given name",
            "forename",
            "prenom du contributeur",
            "prenom de l intervenant",
            "prenom du participant",
            "prenom de la participante",
        ],
    ),
    (
        Field::LastName,
        &[
            "nom de famille",
            "nom",
            "last name",
            "lastname",
            "surname",
            "family name",
            "nom du contributeur",
            "nom de naissance",
            "nom d usage",
            "nom du participant",
        ],
    ),
    (
        Field::FullName,
        &[
            "nom complet",
            "nom et prenom",
            "prenom et nom",
            "nom prenom",
            "prenom nom",
            "full name",
            "name",
            "your name",
            "identite",
            "nom de la personne",
            "porteur de projet",
            "porteuse de projet",
            "porteur du projet",
            "porteur",
            "porteuse",
            "participant",
            "participante",
            "intervenant",
            "speaker",
            "contact",
        ],
    ),
    (
        Field::Email,
        &[
            "courriel",
            "adresse electronique",
            "adresse e mail",
            "adresse email",
            "adresse mail",
            "adresse courriel",
            "adresse de messagerie",
            "email address",
            "e mail address",
            "e mail",
            "email",
            "mail",
            "mel",
            "messagerie",
        ],
    ),
    (
        Field::Phone,
        &[
            "telephone",
            "numero de telephone",
            "phone number",
            "phone",
            "tel",
            "portable",
            "mobile",
            "gsm",
        ],
    ),
    (
        Field::Organisation,
        &[
            "structure",
            "organisme",
            "organisation",
            "organization",
            "nom de la structure",
            "nom de l organisation",
            "nom de l organisme",
            "structure d appartenance",
            "organisme d appartenance",
            "structure representee",
            "entreprise",
            "institution",
            "affiliation",
            "employeur",
            "employer",
            "company",
            "orga",
            "societe",
            "etablissement",
            "collectivite",
        ],
    ),
    (
        Field::ActorType,
        &[
            "type d acteur",
            "type d acteurs",
            "type de structure",
            "categorie d acteur",
            "categorie de structure",
            "famille d acteurs",
            "nature de la structure",
            "statut de la structure",
            "type d organisation",
            "type de l organisme",
            "type d organisme",
            "actor type",
            "type of actor",
            "type of organisation",
            "type of organization",
            "kind of organisation",
            "kind of organization",
            "kind of actor",
            "organisation type",
            "organization type",
            "vous etes",
            "you are",
            "vous representez",
            "representez",
            "representing",
            "categorie",
            "secteur",
            "sector",
            "profil",
            "college",
            "statut",
        ],
    ),
    (
        Field::Country,
        &[
            "pays",
            "country",
            "pays de residence",
            "country of residence",
            "based",
            "pays d origine",
        ],
    ),
    (
        Field::Format,
        &[
            "format",
            "format de contribution",
            "format de la contribution",
            "format de l intervention",
            "format souhaite",
            "format of contribution",
            "type de contribution",
            "type d intervention",
            "type de proposition",
            "type de session",
            "session type",
            "type of session",
            "type of contribution",
            "contribution type",
            "modalite",
            "forme",
        ],
    ),
    (
        Field::Axes,
        &[
            "axe",
            "axes",
            "axes thematiques",
            "axe thematique",
            "thematique",
            "thematiques",
            "themes",
            "theme",
            "axis",
            "axes of the call",
            "track",
            "tracks",
            "topic",
            "topics",
        ],
    ),
    (
        Field::Title,
        &[
            "titre",
            "titre de la contribution",
            "titre de la proposition",
            "titre de l intervention",
            "titre du projet",
            "titre de la session",
            "title",
            "talk title",
            "session title",
            "title of your talk",
            "intitule",
            "sujet",
            "nom du projet",
            "project name",
            "project title",
            "proposition",
        ],
    ),
    (
        Field::Summary,
        &[
            "resume",
            "abstract",
            "summary",
            "description",
            "descriptif",
            "presentation",
            "presentation de la contribution",
            "description du projet",
            "description de la proposition",
            "contenu de la contribution",
            "contenu",
            "synopsis",
            "texte",
            "decrivez",
            "describe",
            "presentez",
            "expliquez",
            "detail",
            "details",
            "en detail",
        ],
    ),
    (
        Field::Language,
        &[
            "langue",
            "language",
            "langue de l intervention",
            "langue de presentation",
            "langue de la session",
            "langue parlee",
            "spoken language",
            "lang",
        ],
    ),
    (
        Field::CoSpeakers,
        &[
            "co intervenants",
            "co intervenant",
            "co intervenantes",
            "co intervenante",
            "autres intervenants",
            "autres intervenantes",
            "co speakers",
            "co speaker",
            "other speakers",
            "co auteurs",
            "co presentateurs",
            "intervenants",
        ],
    ),
    (
        Field::Wishes,
        &[
            "souhaits",
            "voeux",
            "sessions souhaitees",
            "ateliers souhaites",
            "participation souhaitee",
            "wishes",
            "interets",
            "centres d interet",
            "interested in",
            "activites",
            "ateliers",
            "sessions",
            "choix",
            "preferences",
        ],
    ),
    (
        Field::Accessibility,
        &[
            "accessibilite",
            "besoins d accessibilite",
            "besoins specifiques",
            "besoins particuliers",
            "mobilite reduite",
            "handicap",
            "amenagement",
            "amenagements",
            "pmr",
            "accessibility",
            "access needs",
            "special needs",
            "accessibility needs",
        ],
    ),
];

type AliasWords = Vec<(Field, Vec<(&'static str, Vec<String>)>)>;

/// Each alias with its meaning words, worked out once.
fn alias_words() -> &'static AliasWords {
    static WORDS: std::sync::OnceLock<AliasWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        ALIASES
            .iter()
            .map(|(field, aliases)| {
                (
                    *field,
                    aliases.iter().map(|a| (*a, meaning_words(a))).collect(),
                )
            })
            .collect()
    })
}

/// Words that carry no meaning in a header: articles, possessives, question forms,
/// politeness, and the hints forms add ("500 mots max.", "facultatif", "required").
#[rustfmt::skip]
const FILLER: &[&str] = &[
    // French
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "au", "aux", "a", "et", "ou",
    "en", "dans", "pour", "par", "sur", "avec", "votre", "vos", "ton", "ta", "tes", "mon", "ma",
    "mes", "notre", "nos", "leur", "leurs", "son", "sa", "ses", "quel", "quelle", "quels",
    "quelles", "qui", "que", "qu", "quoi", "comment", "est", "sont", "etes", "es", "avez",
    "as", "ce", "cette", "ces", "c", "se", "s", "si", "il", "elle", "vous", "nous", "on",
    "indiquez", "indiquer", "precisez", "preciser", "renseignez", "renseigner", "saisissez",
    "saisir", "donnez", "merci", "svp", "plait", "cas", "echeant", "eventuellement",
    "facultatif", "facultative", "obligatoire", "optionnel", "optionnelle", "requis",
    "max", "maximum", "min", "minimum", "caracteres", "signes", "mots", "lignes", "environ",
    "espaces", "compris", "question",
    // English
    "the", "an", "of", "to", "in", "for", "on", "with", "and", "or", "is", "are", "be",
    "your", "you", "my", "our", "their", "his", "her", "its", "what", "which", "who", "how",
    "do", "does", "will", "would", "please", "enter", "provide", "give", "tell", "us",
    "optional", "required", "words", "characters", "chars", "if", "any", "applicable",
    "where", "at", "this", "that",
    // What is left of inclusive spellings once punctuation is gone: "intervenant·e·s".
    "e", "rice", "rices", "ice", "euse", "euses",
];

/// Words in a header that say the column is about someone other than the contact ("le
/// courriel d'un co-intervenant"): the contact's own fields are then less likely.
#[rustfmt::skip]
const SOMEONE_ELSE: &[&str] = &[
    "co", "autre", "autres", "other", "second", "seconde", "deuxieme", "additional",
    "supplementaire", "accompagnant", "accompagnante", "binome", "payeur", "payeuse", "payer",
    "acheteur", "acheteuse", "buyer", "commanditaire", "facturation", "billing",
];

/// Words of a consent question: its answer is the same for everybody and means nothing
/// for the programme.
const CONSENT: &[&str] = &[
    "j accepte",
    "accepte",
    "acceptez",
    "consentement",
    "consent",
    "rgpd",
    "gdpr",
    "donnees personnelles",
    "personal data",
    "conditions",
    "cgu",
    "j autorise",
    "autorise",
    "autorisez",
    "agree",
    "i agree",
    "privacy",
    "confidentialite",
    "newsletter",
    "droit a l image",
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

/// Text in parentheses or brackets: a hint ("(facultatif)", "[500 mots max.]").
fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The words of a header that carry its meaning: normalised, hints and filler words
/// set aside. Falls back to all the words when nothing is left ("Vous êtes").
pub fn meaning_words(text: &str) -> Vec<String> {
    let plain = without_brackets(text);
    let plain = if normalise_header(&plain).is_empty() {
        text.to_string()
    } else {
        plain
    };
    let words: Vec<String> = normalise_header(&plain)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    let kept: Vec<String> = words
        .iter()
        .filter(|w| !FILLER.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()))
        .cloned()
        .collect();
    if kept.is_empty() {
        words
    } else {
        kept
    }
}

/// A header's words and its normalised whole, compared once with every alias.
pub struct HeaderText {
    whole: String,
    words: Vec<String>,
}

impl HeaderText {
    pub fn new(header: &str) -> HeaderText {
        // "#" and "N°" alone are the row's number, as Typeform and hand-kept lists write it.
        if matches!(header.trim(), "#" | "№" | "N°" | "n°") {
            return HeaderText::new("numero");
        }
        HeaderText {
            whole: normalise_header(&without_brackets(header)),
            words: meaning_words(header),
        }
    }

    /// For "Question [Option]" (LimeSurvey's checkbox columns): the question and the
    /// option.
    pub fn question_and_option(header: &str) -> Option<(String, String)> {
        let open = header.rfind('[')?;
        let close = header[open..].find(']')? + open;
        let question = header[..open].trim();
        let option = header[open + 1..close].trim();
        (!question.is_empty() && !option.is_empty())
            .then(|| (question.to_string(), option.to_string()))
    }

    pub fn is_empty(&self) -> bool {
        self.whole.is_empty() && self.words.is_empty()
    }

    /// How surely the header names `field`, from 0 (not at all) to 1 (its very name),
    /// with the alias that matched.
    pub fn score(&self, field: Field) -> (f64, Option<&'static str>) {
        self.score_with(field, true)
    }

    /// `score`; without `look_alikes`, a typo is not compared (what the header search
    /// needs: look-alikes are never sure).
    fn score_with(&self, field: Field, look_alikes: bool) -> (f64, Option<&'static str>) {
        let Some((_, aliases)) = alias_words().iter().find(|(f, _)| *f == field) else {
            return (0.0, None);
        };
        let mut best = (0.0, None);
        for (rank, (alias, alias_words)) in aliases.iter().enumerate() {
            // Earlier aliases are the surer names: a Webform export has both "SID" and
            // "Séquentiel", and the SID is the answer's identity.
            let penalty = rank as f64 * 0.002;
            let score = if self.whole == *alias {
                1.0 - penalty
            } else {
                let alias_words = alias_words.as_slice();
                if self.words == alias_words {
                    0.98 - penalty
                } else if contains_words(&self.words, alias_words) {
                    // "Titre de votre contribution" holds "titre": the more of the
                    // header the alias covers, the surer.
                    let share = alias_words.len() as f64 / self.words.len() as f64;
                    0.62 + 0.3 * share - penalty
                } else if look_alikes
                    && alias.len() >= 5
                    && alias_words.len() == 1
                    && self.words.len() <= 3
                    && self
                        .words
                        .iter()
                        .any(|w| strsim::jaro_winkler(w, alias) >= 0.93)
                {
                    // Typos and variants ("Courriell", "Organisme"): a look-alike, never
                    // sure by itself.
                    0.5
                } else {
                    0.0
                }
            };
            if score > best.0 {
                best = (score, Some(*alias));
            }
        }
        if best.0 > 0.0 && (field.names_a_person() || field == Field::Phone) {
            let other = self
                .words
                .iter()
                .any(|w| SOMEONE_ELSE.contains(&w.as_str()));
            if other {
                best.0 *= 0.55;
            }
        }
        best
    }

    /// The best field the header names, and how surely.
    pub fn best(&self) -> Option<(Field, f64)> {
        Field::ALL
            .into_iter()
            .map(|f| (f, self.score(f).0))
            .filter(|(_, s)| *s > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// A consent question ("J'accepte que mes données…", "RGPD").
    pub fn is_consent(&self) -> bool {
        CONSENT
            .iter()
            .any(|c| contains_words(&self.whole_words(), &words_of(c)))
    }

    /// A ticketing or registration question ("Tarif", "Numéro de billet"): what
    /// registration lists have and answers to the call do not.
    pub fn is_ticketing(&self) -> bool {
        const WORDS: &[&str] = &[
            "billet",
            "billets",
            "tarif",
            "ticket",
            "tickets",
            "commande",
            "order",
            "inscription",
            "inscrit",
            "registration",
            "paiement",
            "payment",
            "prix",
            "price",
            "montant",
        ];
        self.words.iter().any(|w| WORDS.contains(&w.as_str()))
    }

    fn whole_words(&self) -> Vec<String> {
        words_of(&self.whole)
    }
}

fn words_of(text: &str) -> Vec<String> {
    text.split(' ')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// The score from which a header surely names its field.
pub const SURE: f64 = 0.6;

/// Whether `header` surely names a field: what the search for the header row counts,
/// cell by cell in the first rows.
pub fn names_a_field(header: &str) -> bool {
    // A header is a few words, or a question; long cells are answers.
    if header.len() > 200 {
        return false;
    }
    let text = HeaderText::new(header);
    !text.is_empty()
        && text.words.len() <= 12
        && Field::ALL
            .into_iter()
            .any(|f| text.score_with(f, false).0 >= SURE)
}

fn contains_words(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty()
        && hay.len() >= needle.len()
        && hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(header: &str) -> Option<Field> {
        HeaderText::new(header)
            .best()
            .filter(|(_, s)| *s >= SURE)
            .map(|(f, _)| f)
    }

    #[test]
    fn headers_in_french_and_english_find_their_field() {
        for (header, expected) in [
            ("Adresse électronique :", Field::Email),
            ("E-mail", Field::Email),
            ("COURRIEL", Field::Email),
            ("Adresse de messagerie", Field::Email),
            ("Your e-mail", Field::Email),
            ("Structure", Field::Organisation),
            ("Organisme", Field::Organisation),
            ("Nom de la structure", Field::Organisation),
            ("Nom", Field::LastName),
            ("Votre nom de famille", Field::LastName),
            ("Prénom", Field::FirstName),
            ("Votre prénom", Field::FirstName),
            ("Nom d'utilisateur", Field::Ignored),
            ("Heure de soumission", Field::SubmittedAt),
            ("Horodateur", Field::SubmittedAt),
            ("Titre de votre contribution", Field::Title),
            ("Quel est le titre de votre proposition ?", Field::Title),
            ("What is your talk's title?", Field::Title),
            ("Vous êtes :", Field::ActorType),
            ("Type de structure", Field::ActorType),
            ("Langue de l'intervention", Field::Language),
            ("Which language will you speak in?", Field::Language),
            ("Last name", Field::LastName),
            ("Résumé (1 500 signes max.)", Field::Summary),
            (
                "Résumé de votre contribution (1500 caractères maximum)",
                Field::Summary,
            ),
            ("Abstract (max 300 words)", Field::Summary),
            ("Indiquez votre structure (facultatif)", Field::Organisation),
        ] {
            assert_eq!(field(header), Some(expected), "{header}");
        }
        assert_eq!(field("Couleur préférée"), None);
        let sid = HeaderText::new("SID").score(Field::ExternalId).0;
        let serial = HeaderText::new("Séquentiel").score(Field::ExternalId).0;
        assert!(sid > serial, "the SID is the better identity");
    }

    #[test]
    fn someone_elses_email_is_not_the_contacts() {
        let text = HeaderText::new("Email d'un co-intervenant");
        assert!(text.score(Field::Email).0 < SURE);
    }

    #[test]
    fn consent_questions() {
        assert!(HeaderText::new("J'accepte que mes données soient conservées").is_consent());
        assert!(HeaderText::new("Consentement RGPD").is_consent());
        assert!(!HeaderText::new("Titre").is_consent());
    }

    #[test]
    fn fields_by_code_or_label() {
        assert_eq!(Field::parse("title"), Some(Field::Title));
        assert_eq!(Field::parse("Titre"), Some(Field::Title));
        assert_eq!(Field::parse("résumé"), Some(Field::Summary));
        assert_eq!(Field::parse("type d'acteur"), Some(Field::ActorType));
        assert_eq!(Field::parse("n'importe"), None);
    }
}
