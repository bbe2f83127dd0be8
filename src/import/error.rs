use std::path::{Path, PathBuf};

/// Why a file could not be read. Nothing was imported.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("le fichier est vide")]
    Empty,
    #[error("ce n’est pas un tableur reconnu (xlsx, xls, ods ou texte délimité)")]
    NotASpreadsheet,
    #[error("le classeur est protégé par un mot de passe\u{a0}: enregistrez-le sans mot de passe, puis importez-le")]
    PasswordProtected,
    #[error("le fichier est endommagé ou incomplet (détail technique\u{a0}: {0})")]
    Damaged(String),
    #[error("la feuille «\u{a0}{wanted}\u{a0}» n’existe pas (feuilles\u{a0}: {})", available.join(", "))]
    NoSuchSheet {
        wanted: String,
        available: Vec<String>,
    },
    #[error("il dépasse ce qu’un tableur contient\u{a0}: {0}")]
    TooLarge(String),
    #[error("un guillemet ouvert à la ligne {line} n’est pas refermé où il le faudrait\u{a0}: {} seraient lues comme une seule cellule. Corrigez ce guillemet (ou doublez-le\u{a0}: \"\"), puis importez de nouveau", swallowed_text(*.swallowed))]
    UnbalancedQuote { line: u64, swallowed: usize },
    #[error("texte illisible à la ligne {line} ({detail})")]
    BadText { line: u64, detail: String },
    /// Rows of an xlsx written out of order: read again whole (never shown).
    #[error("les lignes de la feuille ne sont pas dans l’ordre")]
    Unordered,
    #[error("aucune ligne d’en-têtes reconnue dans les {0} premières lignes (attendu\u{a0}: Nom, Prénom, Courriel, Titre…)")]
    NoHeader(usize),
    /// A field every row needs was not found, or not surely: the organiser says which
    /// column holds it.
    #[error("{missing}. Colonnes du fichier\u{a0}: {columns}. Indiquez la bonne colonne avec --map «\u{a0}COLONNE=champ\u{a0}» (par exemple --map «\u{a0}3=titre\u{a0}»), ou dans l’assistant d’import")]
    Unmapped { missing: String, columns: String },
    #[error("«\u{a0}{field}\u{a0}» serait vide dans {empty} lignes sur {rows} (colonne «\u{a0}{column}\u{a0}»)\u{a0}: ce n’est sans doute pas la bonne colonne. Indiquez-la avec --map «\u{a0}COLONNE={field}\u{a0}», ou dans l’assistant d’import")]
    MostlyEmpty {
        field: &'static str,
        column: String,
        empty: usize,
        rows: usize,
    },
    #[error("pas de colonne «\u{a0}{wanted}\u{a0}» (colonnes\u{a0}: {available})")]
    NoSuchColumn { wanted: String, available: String },
    #[error("champ inconnu «\u{a0}{0}\u{a0}» (champs\u{a0}: {1}, ou «\u{a0}aucun\u{a0}» pour écarter la colonne)")]
    UnknownField(String, String),
    #[error("«\u{a0}{0}\u{a0}» n’est pas de la forme COLONNE=champ")]
    BadChoice(String),
}

fn swallowed_text(lines: usize) -> String {
    match lines {
        0 => "plusieurs cellules de la ligne".into(),
        1 => "cette ligne et la suivante".into(),
        n => format!("cette ligne et les {n} suivantes"),
    }
}

/// A file that could not be imported, named for the organiser.
#[derive(Debug, thiserror::Error)]
#[error("Impossible d’importer «\u{a0}{}\u{a0}»\u{a0}: {source}. Rien n’a été importé.", .path.display())]
pub struct ImportError {
    pub path: PathBuf,
    pub source: ReadError,
}

impl ImportError {
    /// Names `path` as the file a reading error comes from.
    pub fn in_file(path: &Path) -> impl Fn(ReadError) -> ImportError + '_ {
        move |source| ImportError {
            path: path.to_path_buf(),
            source,
        }
    }
}
