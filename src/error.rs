//! The core's errors. Their `Display` is the French message an organiser reads; the
//! CLI and the desktop shell show it as it is.

use std::path::PathBuf;

use chrono::NaiveTime;

/// Anything that can go wrong with a project. Its `code` names the kind for programs
/// (the interface): the variant in snake_case, or the trouble for a storage error.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Error {
    #[error("Le fichier «\u{a0}{}\u{a0}» n’existe pas.", .0.display())]
    FileNotFound(PathBuf),

    #[error("Le fichier «\u{a0}{}\u{a0}» existe déjà.", .0.display())]
    FileExists(PathBuf),

    #[error("Le fichier «\u{a0}{}\u{a0}» n’est pas un projet Journée{}", .path.display(), detail_suffix(.detail))]
    NotAProject { path: PathBuf, detail: String },

    #[error(
        "Le fichier «\u{a0}{}\u{a0}» vient d’une version plus récente de Journée (schéma {found}, \
         cette version lit jusqu’au schéma {supported}). Mettez Journée à jour pour l’ouvrir\u{a0}; \
         le fichier n’a pas été modifié.",
        .path.display()
    )]
    NewerVersion {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error(
        "Modèle inconnu «\u{a0}{0}\u{a0}». Modèles disponibles\u{a0}: civic-tech-2019, empty."
    )]
    UnknownTemplate(String),

    #[error("Liste inconnue «\u{a0}{0}\u{a0}». Listes\u{a0}: submissions, registrations.")]
    UnknownList(String),

    #[error(
        "Document inconnu «\u{a0}{0}\u{a0}». Documents\u{a0}: badges, tables, programme, signs, signin, guests, namecards, cards, runsheet, cese, contributions, ics, schedule-xml, schedule-json, mailing."
    )]
    UnknownDocument(String),

    #[error(
        "«\u{a0}{0}\u{a0}» n’est pas une liste\u{a0}: il s’exporte en PDF seulement. En classeur\u{a0}: signin, guests, runsheet."
    )]
    NotAList(String),

    #[error(transparent)]
    Edit(#[from] EditError),

    #[error(transparent)]
    Import(#[from] crate::import::ImportError),

    #[error(transparent)]
    Mappings(#[from] crate::import::memory::BookError),

    #[error("Aucun dossier de données utilisateur sur ce système\u{a0}: indiquez-en un avec JOURNEE_DATA_DIR.")]
    NoDataDir,

    #[error("Import annulé\u{a0}: rien n’a été importé.")]
    Cancelled,

    #[error(transparent)]
    Logo(#[from] crate::print::logo::LogoError),

    #[error(transparent)]
    Print(#[from] crate::print::PrintError),

    #[error("Impossible de préparer le classeur\u{a0}: {0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),

    #[error("Impossible de lire «\u{a0}{}\u{a0}»\u{a0}: {}", .path.display(), io_cause(.source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("Impossible d’écrire «\u{a0}{}\u{a0}»\u{a0}: {}", .path.display(), io_cause(.source))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error(
        "«\u{a0}{}\u{a0}» est un projet Journée (ou l’un de ses fichiers de travail)\u{a0}: un \
         export ne le remplace jamais. Choisissez un autre nom de fichier\u{a0}; rien n’a été écrit.",
        .0.display()
    )]
    WouldOverwriteProject(PathBuf),

    /// Something about the project's file or disk that the organiser can act on.
    #[error("{trouble} (SQLite\u{a0}: {detail})")]
    Storage { trouble: Trouble, detail: String },

    /// Not the organiser's doing: a bug in Journée.
    #[error("Erreur interne de la base de données\u{a0}: {0}")]
    Database(rusqlite::Error),
}

/// What stops a project being read or written, when it is not a bug of ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Trouble {
    #[error(
        "Le projet est occupé par un autre programme (une autre fenêtre de Journée, une \
         commande en cours) depuis plus de {} secondes\u{a0}: rien n’a été modifié. Réessayez \
         dans un instant",
        crate::store::BUSY_WAIT.as_secs()
    )]
    Busy,
    #[error(
        "Le disque est plein\u{a0}: la dernière modification n’a pas été enregistrée, ce qui \
         l’était avant est intact. Libérez de la place, puis recommencez"
    )]
    DiskFull,
    #[error(
        "Le projet est en lecture seule (fichier, dossier ou disque protégé en écriture)\u{a0}: \
         il se consulte et s’exporte, mais ne se modifie pas. Pour le modifier, copiez-le \
         dans un dossier où vous pouvez écrire"
    )]
    ReadOnly,
    #[error(
        "Le projet est endommagé\u{a0}: une partie du fichier ne se lit plus. Restaurez la \
         dernière sauvegarde («\u{a0}journee backups FICHIER\u{a0}» les liste)"
    )]
    Damaged,
    #[error(
        "Le disque du projet ne répond pas (support retiré, dossier réseau coupé, fichier \
         déplacé\u{a0}?)\u{a0}: la dernière modification n’a pas été enregistrée"
    )]
    Unreachable,
}

impl From<rusqlite::Error> for Error {
    /// SQLite's failures that come from the file or the disk are the organiser's to fix
    /// (and are said in French); the others are ours.
    fn from(e: rusqlite::Error) -> Error {
        use rusqlite::ErrorCode as C;
        let trouble = match e.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => Trouble::Busy,
            Some(C::DiskFull) => Trouble::DiskFull,
            Some(C::ReadOnly) => Trouble::ReadOnly,
            Some(C::DatabaseCorrupt | C::NotADatabase) => Trouble::Damaged,
            Some(C::SystemIoFailure | C::CannotOpen) => Trouble::Unreachable,
            _ => return Error::Database(e),
        };
        let detail = match &e {
            rusqlite::Error::SqliteFailure(_, Some(text)) => text.clone(),
            other => other.to_string(),
        };
        Error::Storage { trouble, detail }
    }
}

/// Why a file could not be read or written, in French, the system's words after it.
pub fn io_cause(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let cause = match e.kind() {
        K::StorageFull | K::QuotaExceeded => "le disque est plein",
        K::ReadOnlyFilesystem => "le disque est en lecture seule",
        K::PermissionDenied => "accès refusé (fichier ou dossier protégé en écriture)",
        K::NotFound => "le fichier ou son dossier n’existe pas",
        K::IsADirectory => "c’est un dossier",
        K::NotADirectory => "un élément du chemin n’est pas un dossier",
        K::FileTooLarge => "le fichier dépasse la taille permise",
        K::InvalidData => "le contenu est illisible",
        _ => "erreur du système",
    };
    format!("{cause} ({e})")
}

fn detail_suffix(detail: &str) -> String {
    if detail.is_empty() {
        " (le fichier n’a pas été modifié).".to_string()
    } else {
        format!("\u{a0}: {detail} (le fichier n’a pas été modifié).")
    }
}

impl Error {
    /// True when the organiser can fix it (wrong file, bad value); false for internal
    /// failures. The CLI exits 1 for the former and 2 for the latter.
    pub fn is_user_error(&self) -> bool {
        !matches!(self, Error::Database(_))
    }

    /// What kind of error it is, stable for programs: « busy », « disk_full »,
    /// « read_only », « damaged », « unreachable » for the project's file or disk, else
    /// the variant (« file_not_found », « edit », « import »…).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Storage { trouble, .. } => trouble.into(),
            other => other.into(),
        }
    }

    /// The trouble with the project's file or disk, if that is what went wrong.
    pub fn trouble(&self) -> Option<Trouble> {
        match self {
            Error::Storage { trouble, .. } => Some(*trouble),
            _ => None,
        }
    }
}

/// An edit the rules refuse. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("Le nom {0} ne peut pas être vide.")]
    EmptyName(&'static str),

    #[error("La capacité d’une salle ne peut pas être négative (valeur saisie\u{a0}: {0}).")]
    NegativeCapacity(i64),

    #[error(
        "Un créneau ne peut pas finir avant de commencer ({} → {}).",
        .start.format("%H:%M"),
        .end.format("%H:%M")
    )]
    SlotEndsBeforeStart { start: NaiveTime, end: NaiveTime },

    #[error("Ce créneau ({new}) chevauche le créneau {other} du même jour.")]
    SlotOverlap { new: String, other: String },

    #[error("La date de fin de l’événement ne peut pas précéder sa date de début.")]
    EventEndsBeforeStart,

    #[error("Le titre de l’événement ne peut pas être vide.")]
    EmptyEventTitle,

    #[error("Cette salle n’existe plus (n°\u{a0}{0}).")]
    RoomNotFound(i64),

    #[error("Ce créneau n’existe plus (n°\u{a0}{0}).")]
    SlotNotFound(i64),

    #[error("Une note va de 0 à 5 (valeur saisie\u{a0}: {0}).")]
    ScoreOutOfRange(i64),

    #[error("Valeur «\u{a0}{value}\u{a0}» impossible pour le champ «\u{a0}{field}\u{a0}».")]
    BadValue { field: String, value: String },

    #[error("Aucune session n°\u{a0}{0}.")]
    SessionNotFound(i64),

    #[error("Le créneau {0} n’accueille pas de session (pause, déjeuner ou soirée).")]
    NotASessionSlot(String),

    #[error("Aucune salle «\u{a0}{0}\u{a0}».")]
    UnknownRoom(String),

    #[error("Aucun créneau ne commence à {0}.")]
    UnknownSlot(String),

    #[error("Le nouvel ordre doit reprendre exactement les contributions de la session.")]
    BadOrder,

    #[error(
        "Aucune sauvegarde «\u{a0}{0}\u{a0}» («\u{a0}journee backups FICHIER\u{a0}» les liste)."
    )]
    UnknownBackup(String),

    #[error("Les sauvegardes automatiques ne sont pas en place pour ce projet (aucun dossier de données utilisateur).")]
    NoBackups,

    #[error("Rien à annuler.")]
    NothingToUndo,

    #[error("Rien à rétablir.")]
    NothingToRedo,

    #[error("Impossible d’annuler «\u{a0}{0}\u{a0}»\u{a0}: une contribution ou une personne concernée a été supprimée depuis.")]
    CannotUndo(String),

    #[error("Impossible d’annuler «\u{a0}{label}\u{a0}»\u{a0}: {work} depuis, et ce travail serait perdu. Rien n’a été modifié.")]
    ImportWorkedOn { label: String, work: String },

    #[error("Une version «\u{a0}{0}\u{a0}» existe déjà.")]
    VersionExists(String),

    #[error("Aucune version «\u{a0}{0}\u{a0}».")]
    UnknownVersion(String),

    #[error("La version «\u{a0}{version}\u{a0}» ne peut pas être remise\u{a0}: {gone} n’existe plus. Rien n’a été modifié.")]
    VersionUsesGone { version: String, gone: String },

    #[error("Cette proposition ne vaut plus\u{a0}: {0} depuis qu’elle a été faite. Rien n’a été modifié\u{a0}; proposez à nouveau.")]
    StaleProposal(String),

    #[error("Le champ «\u{a0}{0}\u{a0}» ne se corrige pas à la main.")]
    NotEditable(String),

    #[error("Aucune contribution n°\u{a0}{0}.")]
    SubmissionNotFound(i64),

    #[error(
        "La contribution n°\u{a0}{0} n’est pas dans cette session\u{a0}: rien n’a été modifié."
    )]
    NotInSession(i64),

    #[error("Statut inconnu «\u{a0}{0}\u{a0}». Statuts\u{a0}: nouvelle, retenue, liste_attente, refusee.")]
    UnknownStatus(String),

    #[error("Aucune personne n°\u{a0}{0}.")]
    PersonNotFound(i64),

    #[error("Une personne ne se fusionne pas avec elle-même (n°\u{a0}{0}).")]
    MergeWithItself(i64),

    #[error("Adresse électronique invalide\u{a0}: «\u{a0}{0}\u{a0}».")]
    BadEmail(String),

    #[error(
        "«\u{a0}{0}\u{a0}» n’est pas une session de centrifugeuse\u{a0}: elle n’a pas de tables."
    )]
    NotACentrifugeuse(String),

    #[error("Cette session n’a pas de table n°\u{a0}{0}.")]
    NoSuchTable(i64),

    #[error("La table n°\u{a0}{0} est complète (4 pairs placés à la main).")]
    TableFull(i64),

    #[error(
        "La table n°\u{a0}{table} n’a pas de place n°\u{a0}{seat} pour un pair ou un animateur."
    )]
    NoSuchSeat { table: i64, seat: i64 },

    #[error(
        "{0} porte un projet de cette centrifugeuse\u{a0}: sa place est à la table de son projet."
    )]
    HolderStays(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
