//! The `journee` command. Parses arguments, calls the core, prints text or JSON.
//! Exit status: 0 success, 1 the user's error (French message on stderr), 2 internal error.

/// `print!`, `println!` and `eprintln!` for text that may hold imported data: control
/// characters (terminal escape sequences) are shown as U+FFFD, never sent as such.
macro_rules! say {
    ($($arg:tt)*) => { print!("{}", journee::safe_text::for_terminal(&format!($($arg)*))) };
}
macro_rules! sayln {
    ($($arg:tt)*) => { println!("{}", journee::safe_text::for_terminal(&format!($($arg)*))) };
}
macro_rules! esayln {
    ($($arg:tt)*) => { eprintln!("{}", journee::safe_text::for_terminal(&format!($($arg)*))) };
}

mod print;
mod words;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use chrono::NaiveDate;
use journee::common::Severity;
use journee::import::memory::{self, MappingBook};
use journee::import::{Choice, ImportError, ImportOptions, ListKind, Report, SourceFormat};
use journee::info::Info;
use journee::model::{SessionKind, Status};
use journee::programme::NewSession;
use journee::words::plural;
use journee::{demo, EditError, Error, Project, Template};
use words::vocabulary;

#[derive(Parser)]
#[command(
    name = "journee",
    version,
    about = "Planifier la Journée de la civic tech et de l’engagement citoyen."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Crée un projet vide ou à partir d'un modèle.
    New {
        file: PathBuf,
        /// civic-tech-2019 (la journée de l'appel à contributions) ou empty.
        #[arg(long, default_value = "civic-tech-2019")]
        template: String,
        /// Remplace le fichier s'il existe déjà.
        #[arg(long)]
        force: bool,
    },
    /// Décrit un projet : événement, salles, créneaux, nombre de chaque élément.
    Info {
        file: PathBuf,
        /// Sortie JSON stable (voir README.md).
        #[arg(long)]
        json: bool,
    },
    /// Importe un tableur (xlsx, xls, ods, csv…) : réponses à l'appel ou inscriptions.
    Import {
        file: PathBuf,
        spreadsheet: PathBuf,
        /// La feuille à lire (par défaut : la première visible qui contient des données).
        #[arg(long)]
        sheet: Option<String>,
        /// submissions (réponses à l'appel) ou registrations (inscriptions) ; par
        /// défaut, ce que dit le contenu du fichier.
        #[arg(long)]
        kind: Option<String>,
        /// COLONNE=champ : dit ce que contient une colonne (son en-tête, son numéro ou
        /// sa lettre ; un champ comme titre, courriel, résumé, ou « aucun »). Répétable.
        #[arg(long = "map", value_name = "COLONNE=champ")]
        map: Vec<String>,
        /// Montre ce que l'import ferait, sans rien modifier.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Liste les contributions.
    Submissions {
        file: PathBuf,
        #[arg(long, value_parser = vocabulary(Status::parse))]
        status: Option<Status>,
        #[arg(long)]
        json: bool,
    },
    /// Change le statut d'une contribution.
    Status {
        file: PathBuf,
        id: i64,
        #[arg(value_parser = vocabulary(Status::parse))]
        status: Status,
    },
    /// Liste les inscrit·es (les participant·es).
    People {
        file: PathBuf,
        /// Toutes les personnes, pas seulement les inscrit·es.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Sessions : créer, lister.
    Session {
        #[command(subcommand)]
        command: SessionCommand,
    },
    /// Place une session dans une salle, sur un créneau (échange si la case est prise).
    Place {
        file: PathBuf,
        session: i64,
        /// Nom de la salle (ou son numéro).
        #[arg(long)]
        room: String,
        /// Heure de début du créneau, HH:MM.
        #[arg(long)]
        slot: String,
        /// Jour du créneau (par défaut le premier jour de l'événement).
        #[arg(long)]
        date: Option<NaiveDate>,
    },
    /// Retire une session de la grille (elle retourne dans le bac).
    Unplace { file: PathBuf, session: i64 },
    /// Avertissements sur le programme : capacité, conflits, durées, équilibre…
    Check {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Annule la dernière modification (programme, import, restauration…).
    Undo { file: PathBuf },
    /// Rétablit la dernière modification annulée.
    Redo { file: PathBuf },
    /// Les sauvegardes automatiques du projet (avant chaque import, chaque classeur
    /// revenu, chaque restauration, et toutes les dix minutes de modifications), de la
    /// plus récente à la plus ancienne.
    Backups {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Fait une sauvegarde du projet maintenant.
    Backup { file: PathBuf },
    /// Remet le projet dans l'état d'une sauvegarde (son numéro dans « journee backups »,
    /// son nom ou son chemin). Une sauvegarde de l'état présent est faite avant ; «
    /// journee undo » annule la restauration.
    Restore { file: PathBuf, backup: String },
    /// Versions nommées du programme.
    Version {
        #[command(subcommand)]
        command: VersionCommand,
    },
    /// Exporte : un PDF (badges, tables, programme, signs ; pour le jour : signin
    /// émargement, guests liste d'accueil, namecards chevalets, cards fiches des sessions,
    /// runsheet conduite par salle, en classeur aussi avec --out …xlsx pour les listes),
    /// un classeur (cese, contributions), un calendrier (ics), le programme pour les
    /// applications (schedule-xml, schedule-json) ou la liste du publipostage (mailing).
    Export {
        file: PathBuf,
        /// badges, tables, programme, signs, signin, guests, namecards, cards, runsheet,
        /// cese, contributions, ics, schedule-xml, schedule-json ou mailing.
        document: String,
        /// Le fichier à écrire.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        options: print::ExportArgs,
    },
    /// Ce qui s'imprimerait mal : textes réduits, organisations manquantes, caractères
    /// sans police, sessions sans intervenant, textes qui se chevauchent. Sans document,
    /// tous les documents ; avec un document, ses options comme pour « journee export »
    /// (le PDF n'est pas fabriqué).
    Preflight {
        file: PathBuf,
        /// badges, tables, programme, signs, signin, guests, namecards, cards, runsheet.
        document: Option<String>,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        options: print::ExportArgs,
    },
    /// Tables des centrifugeuses : placer les pairs, voir les plans.
    Tables {
        #[command(subcommand)]
        command: TablesCommand,
    },
    /// Qui reçoit un badge, avec quel rôle.
    Badges {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Donne un rôle de badge à une personne (organisation, presse…), ou « aucun ».
    Role {
        file: PathBuf,
        person: i64,
        role: String,
    },
    /// Les correspondances de colonnes retenues d'un projet à l'autre : les lister, les
    /// exporter pour un·e co-organisateur·rice, importer les siennes.
    Mappings {
        #[command(subcommand)]
        command: MappingsCommand,
    },
    /// Le logo des badges (PNG ou JPEG), gardé dans le projet : le choisit, le retire
    /// (--remove) ou dit lequel est en place.
    Logo {
        file: PathBuf,
        image: Option<PathBuf>,
        #[arg(long, conflicts_with = "image")]
        remove: bool,
    },
    /// Épingle une session dans sa case (ou dans le bac) : « journee plan » ne la déplace
    /// jamais. --off retire l'épingle.
    Pin {
        file: PathBuf,
        session: i64,
        #[arg(long)]
        off: bool,
    },
    /// Propose un programme : place les sessions sans enfreindre les règles dures
    /// (capacité, type de salle, une personne à deux endroits) et avec le moins
    /// d'avertissements possible ; dit ce qui bouge et pourquoi ce qui reste ne tient pas.
    Plan {
        file: PathBuf,
        /// Place seulement les sessions du bac ; celles de la grille ne bougent pas.
        #[arg(long)]
        only_unplaced: bool,
        /// Graine de la recherche : la même graine donne la même proposition.
        #[arg(long, default_value_t = 1, allow_negative_numbers = true)]
        seed: u64,
        /// Temps de recherche au plus, en millisecondes.
        #[arg(long, default_value_t = 900, allow_negative_numbers = true)]
        time_limit: u64,
        /// Applique la proposition (une étape, annulable avec « journee undo »).
        #[arg(long)]
        apply: bool,
        #[arg(long)]
        json: bool,
    },
    /// Écrit le projet de démonstration (fictif) sur le modèle 2019.
    Demo {
        file: PathBuf,
        /// Remplace le fichier s'il existe déjà.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand)]
enum SessionCommand {
    /// Crée une session (dans le bac, non placée).
    Add {
        file: PathBuf,
        #[arg(long)]
        title: String,
        #[arg(long = "type", value_parser = vocabulary(SessionKind::parse))]
        kind: SessionKind,
        /// Contribution à y mettre (répétable, dans l'ordre).
        #[arg(long = "contribution")]
        contributions: Vec<i64>,
        /// Public attendu.
        #[arg(long)]
        audience: Option<i64>,
        /// fr ou en.
        #[arg(long, default_value = "fr")]
        language: String,
        #[arg(long)]
        json: bool,
    },
    /// Ajoute ou retire des contributions d'une session existante, en une étape (annulable).
    Edit {
        file: PathBuf,
        session: i64,
        /// Contribution à ajouter à la fin de l'ordre de passage (répétable).
        #[arg(long = "add-contribution")]
        add: Vec<i64>,
        /// Contribution à retirer (répétable).
        #[arg(long = "remove-contribution")]
        remove: Vec<i64>,
    },
    /// Liste les sessions, leurs contributions et leur place.
    List {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub(crate) enum TablesCommand {
    /// Place les pairs aux tables (toutes les centrifugeuses, ou une), en gardant les
    /// places fixées à la main ; dit les règles qui n'ont pas pu être tenues.
    Assign {
        file: PathBuf,
        #[arg(long)]
        session: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Le plan de table d'une session.
    Show {
        file: PathBuf,
        session: i64,
        #[arg(long)]
        json: bool,
    },
    /// Place une personne à une table, à la main (la place est gardée), ou « aucune ».
    Seat {
        file: PathBuf,
        session: i64,
        person: i64,
        /// Numéro de table, ou « aucune » pour la retirer.
        table: String,
    },
}

#[derive(Subcommand)]
enum VersionCommand {
    /// Enregistre l'état du programme sous un nom.
    Save { file: PathBuf, name: String },
    /// Remet le programme tel qu'il était dans une version (« journee undo » l'annule).
    Restore { file: PathBuf, name: String },
    /// Ce qui a changé depuis une version.
    Diff {
        file: PathBuf,
        name: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum MappingsCommand {
    /// Liste les correspondances retenues.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Écrit les correspondances retenues dans un fichier à partager.
    Export { out: PathBuf },
    /// Ajoute les correspondances d'un fichier partagé (les siennes l'emportent).
    Import { file: PathBuf },
}

pub fn main() -> ExitCode {
    // Like other command-line tools, stop quietly when the reader of our output goes away
    // (`journee check --json | head`), instead of failing on a broken pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default action of SIGPIPE before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help, --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                let _ = e.print();
            } else {
                esayln!("journee : {}", usage_error(&e));
            }
            return ExitCode::from(1);
        }
    };
    // A panic is a bug: the organiser reads one French line, not a Rust backtrace (set
    // JOURNEE_DEBUG to see it). Readers that meet a damaged file turn their panics into
    // French errors themselves (`import::read::guarded`).
    if std::env::var_os("JOURNEE_DEBUG").is_none() {
        std::panic::set_hook(Box::new(|_| {}));
    }
    let outcome = std::panic::catch_unwind(|| run(cli.command));
    let Ok(outcome) = outcome else {
        esayln!(
            "journee : erreur interne (une anomalie de Journée, pas de votre fichier)\u{a0}; \
             rien n'a été modifié. Relancez avec JOURNEE_DEBUG=1 pour le détail."
        );
        return ExitCode::from(2);
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            esayln!("journee : {e}");
            if e.is_user_error() {
                ExitCode::from(1)
            } else {
                ExitCode::from(2)
            }
        }
    }
}

fn run(command: Command) -> Result<(), Error> {
    match command {
        Command::New {
            file,
            template,
            force,
        } => {
            let template = Template::parse(&template)?;
            let project = Project::create(&file, template, force)?;
            sayln!(
                "Projet créé\u{a0}: {} (modèle {})",
                project.path().display(),
                template.code()
            );
        }
        Command::Info { file, json } => {
            let info = open(&file)?.info()?;
            if json {
                print_json(&info);
            } else {
                say!("{}", info_text(&info));
            }
        }
        Command::Import {
            file,
            spreadsheet,
            sheet,
            kind,
            map,
            dry_run,
            json,
        } => {
            let kind = kind
                .map(|k| ListKind::parse(&k).ok_or(Error::UnknownList(k)))
                .transpose()?;
            let choices = map
                .iter()
                .map(|text| Choice::parse(text))
                .collect::<Result<Vec<_>, _>>()
                .map_err(ImportError::in_file(&spreadsheet))?;
            let mut project = open(&file)?;
            let options = ImportOptions {
                sheet,
                kind,
                dry_run,
                targets: None,
                choices,
                mapping_book: memory::data_dir().map(|dir| memory::book_path(&dir)),
            };
            let report = project.import(&spreadsheet, &options)?;
            if json {
                print_json(&report);
            } else {
                say!("{}", report_text(&report));
            }
        }
        Command::Submissions { file, status, json } => {
            let list = open(&file)?.submissions(status)?;
            if json {
                print_json(&list);
            } else {
                for s in &list {
                    sayln!(
                        "{:>5}  {:<14} {:<18} {}",
                        s.id,
                        s.status.code(),
                        s.format,
                        s.title
                    );
                }
                sayln!("{} contributions", list.len());
            }
        }
        Command::Status { file, id, status } => {
            open(&file)?.set_status(id, status)?;
            sayln!("Contribution n°\u{a0}{id}\u{a0}: {}", status.label_fr());
        }
        Command::People { file, all, json } => {
            let list = open(&file)?.people(!all)?;
            if json {
                print_json(&list);
            } else {
                for p in &list {
                    sayln!(
                        "{:>5}  {} {} ({}) {}",
                        p.id,
                        p.first_name,
                        p.last_name,
                        p.organisation,
                        p.email
                    );
                }
                sayln!("{} personnes", list.len());
            }
        }
        Command::Session { command } => session(command)?,
        Command::Place {
            file,
            session,
            room,
            slot,
            date,
        } => {
            let mut project = open(&file)?;
            let room = project.find_room(&room)?;
            let slot = project.find_slot(&slot, date)?;
            project.place(session, room, slot)?;
            print_warnings_summary(&project)?;
        }
        Command::Unplace { file, session } => {
            let mut project = open(&file)?;
            project.unplace(session)?;
            // A pin kept in the tray is a choice (« leave it out »), but not one the
            // organiser may know they made by unplacing.
            if project
                .sessions()?
                .iter()
                .any(|s| s.id == session && s.pinned)
            {
                println!(
                    "La session n°\u{a0}{session} reste épinglée\u{a0}: «\u{a0}journee plan\u{a0}» la \
                     laissera dans le bac («\u{a0}journee pin {} {session} --off\u{a0}» retire l’épingle).",
                    file.display()
                );
            }
            print_warnings_summary(&project)?;
        }
        Command::Check { file, json } => {
            let warnings = open(&file)?.check()?;
            if json {
                print_json(&warnings);
            } else {
                for w in &warnings {
                    let level = match w.severity {
                        Severity::Error => "erreur",
                        Severity::Warning => "attention",
                        Severity::Info => "info",
                    };
                    sayln!("{level:<10} {:<18} {}", w.code, w.message);
                }
                sayln!("{} avertissements", warnings.len());
            }
        }
        Command::Export {
            file,
            document,
            out,
            options,
        } => match journee::share::Export::parse(&document) {
            Some(export) => {
                let bytes = open(&file)?.export(export)?;
                journee::output::write_atomically(&out, &bytes)?;
                sayln!("{} : {} octets", out.display(), bytes.len());
            }
            None => print::export(&file, &document, &out, &options)?,
        },
        Command::Preflight {
            file,
            document,
            json,
            options,
        } => print::preflight(&file, document.as_deref(), &options, json)?,
        Command::Tables { command } => print::tables(command)?,
        Command::Badges { file, json } => print::list_badges(&file, json)?,
        Command::Role { file, person, role } => print::set_role(&file, person, &role)?,
        Command::Mappings { command } => mappings(command)?,
        Command::Logo {
            file,
            image,
            remove,
        } => print::logo(&file, image.as_deref(), remove)?,
        Command::Undo { file } => {
            let label = open(&file)?.undo()?;
            sayln!("Annulé\u{a0}: {label}");
        }
        Command::Redo { file } => {
            let label = open(&file)?.redo()?;
            sayln!("Rétabli\u{a0}: {label}");
        }
        Command::Backups { file, json } => {
            let project = open(&file)?;
            let backups = project.backups()?;
            if json {
                print_json(&backups);
            } else if backups.is_empty() {
                sayln!("Aucune sauvegarde de ce projet pour l'instant.");
            } else {
                for (n, b) in backups.iter().enumerate() {
                    sayln!(
                        "{:>3}  {}  {:<26} {:>8} Kio  {}",
                        n + 1,
                        b.taken_at.format("%d/%m/%Y %H:%M:%S"),
                        b.reason.label_fr(),
                        b.bytes.div_ceil(1024),
                        b.path.display()
                    );
                }
            }
        }
        Command::Backup { file } => {
            let mut project = open(&file)?;
            let taken = project
                .back_up(journee::backup::Reason::Asked)?
                .ok_or(EditError::NoBackups)?;
            sayln!("Sauvegarde faite\u{a0}: {}", taken.path.display());
        }
        Command::Restore { file, backup } => {
            let label = open(&file)?.restore(&backup)?;
            sayln!("{label} («\u{a0}journee undo\u{a0}» l'annule).");
        }
        Command::Version { command } => match command {
            VersionCommand::Save { file, name } => {
                open(&file)?.save_version(&name)?;
                sayln!("Version enregistrée\u{a0}: {name}");
            }
            VersionCommand::Restore { file, name } => {
                open(&file)?.restore_version(&name)?;
                sayln!("Programme remis tel qu’il était dans la version «\u{a0}{name}\u{a0}».");
            }
            VersionCommand::Diff { file, name, json } => {
                let changes = open(&file)?.diff_version(&name)?;
                if json {
                    print_json(&changes);
                } else {
                    for c in &changes {
                        sayln!(
                            "{:<9} n°\u{a0}{} {} {}",
                            c.kind,
                            c.session,
                            c.title,
                            match (&c.before, &c.after) {
                                (Some(b), Some(a)) => format!("({b} → {a})"),
                                (Some(b), None) => format!("({b})"),
                                (None, Some(a)) => format!("({a})"),
                                (None, None) => String::new(),
                            }
                        );
                    }
                    sayln!(
                        "{}",
                        plural(changes.len() as i64, "changement", "changements")
                    );
                }
            }
        },
        Command::Pin { file, session, off } => {
            open(&file)?.pin(session, !off)?;
            if off {
                sayln!("Session n°\u{a0}{session} désépinglée.");
            } else {
                sayln!("Session n°\u{a0}{session} épinglée\u{a0}: une proposition ne la déplacera pas.");
            }
        }
        Command::Plan {
            file,
            only_unplaced,
            seed,
            time_limit,
            apply,
            json,
        } => {
            let mut project = open(&file)?;
            let options = journee::programme::plan::PlanOptions {
                only_unplaced,
                seed,
                time_limit: std::time::Duration::from_millis(time_limit),
                ..Default::default()
            };
            let proposal = project.propose(&options)?;
            if apply {
                project.apply_proposal(&proposal)?;
            }
            if json {
                print_json(&proposal);
            } else {
                say!("{}", proposal_text(&proposal, apply));
            }
        }
        Command::Demo { file, force } => {
            let project = demo::write(&file, force)?;
            let info = project.info()?;
            sayln!(
                "Démo écrite\u{a0}: {} ({} contributions, {} personnes, {} sessions)",
                project.path().display(),
                info.counts.submissions,
                info.counts.people,
                info.counts.sessions
            );
        }
    }
    Ok(())
}

fn session(command: SessionCommand) -> Result<(), Error> {
    match command {
        SessionCommand::Add {
            file,
            title,
            kind,
            contributions,
            audience,
            language,
            json,
        } => {
            let mut project = open(&file)?;
            let id = project.add_session(NewSession {
                title,
                kind,
                language,
                expected_audience: audience,
                description: String::new(),
                contributions,
            })?;
            if json {
                print_json(&project.session(id)?);
            } else {
                sayln!("Session créée\u{a0}: n°\u{a0}{id}");
            }
        }
        SessionCommand::Edit {
            file,
            session,
            add,
            remove,
        } => {
            let mut project = open(&file)?;
            project.edit_contributions(session, &add, &remove)?;
            let view = project.session(session)?;
            let n = view.contributions.len();
            let noun = if n > 1 {
                "contributions"
            } else {
                "contribution"
            };
            sayln!(
                "Session n°\u{a0}{session} «\u{a0}{}\u{a0}»\u{a0}: {n} {noun}",
                view.title
            );
        }
        SessionCommand::List { file, json } => {
            let sessions = open(&file)?.sessions()?;
            if json {
                print_json(&sessions);
            } else {
                for s in &sessions {
                    sayln!(
                        "{:>4}  {:<13} {:<3} {} ({}){}{}",
                        s.id,
                        s.kind.code(),
                        s.language,
                        s.title,
                        plural(
                            s.contributions.len() as i64,
                            "contribution",
                            "contributions"
                        ),
                        if s.placement.is_none() {
                            " — non placée"
                        } else {
                            ""
                        },
                        if s.pinned { " — épinglée" } else { "" }
                    );
                }
            }
        }
    }
    Ok(())
}

/// After an edit, how many problems the programme has now.
fn print_warnings_summary(project: &Project) -> Result<(), Error> {
    let warnings = project.check()?;
    let errors = warnings
        .iter()
        .filter(|w| w.severity == Severity::Error)
        .count();
    sayln!(
        "Fait. {} dont {} (journee check pour le détail).",
        plural(warnings.len() as i64, "avertissement", "avertissements"),
        plural(errors as i64, "erreur", "erreurs")
    );
    Ok(())
}

/// A proposal as the organiser reads it: what moves, what stays out and why, the score.
fn proposal_text(proposal: &journee::programme::plan::Proposal, applied: bool) -> String {
    let mut out = String::new();
    for m in &proposal.moved {
        out.push_str(&format!(
            "  {} : {} → {}\n",
            m.title,
            m.from_label.as_deref().unwrap_or("le bac"),
            m.to_label.as_deref().unwrap_or("le bac")
        ));
    }
    for u in &proposal.unplaceable {
        out.push_str(&format!("  reste dans le bac : {}\n", u.reason));
    }
    let (before, after) = (&proposal.score.before, &proposal.score.after);
    out.push_str(&format!(
        "{} ; règles dures enfreintes : {} → {} ; sessions hors grille : {} → {} ; \
         poids des avertissements (30 par «\u{a0}attention\u{a0}», 1 par «\u{a0}info\u{a0}») : {} → {}, {}.\n",
        plural(
            proposal.moved.len() as i64,
            "session déplacée",
            "sessions déplacées"
        ),
        before.hard,
        after.hard,
        before.unplaced,
        after.unplaced,
        before.warnings,
        after.warnings,
        plural(
            proposal.warnings.len() as i64,
            "avertissement restant",
            "avertissements restants"
        )
    ));
    out.push_str(if applied {
        "Proposition appliquée (journee undo l’annule).\n"
    } else {
        "Rien n’a été modifié : --apply applique la proposition.\n"
    });
    out.replace(" : ", "\u{a0}: ").replace(" ; ", "\u{a0}; ")
}

/// A mistake in the command line, in French (clap speaks English).
fn usage_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ErrorKind as K};
    let said = |kind| e.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let what = match e.kind() {
        K::InvalidSubcommand => format!(
            "commande inconnue «\u{a0}{}\u{a0}»",
            said(ContextKind::InvalidSubcommand)
        ),
        K::UnknownArgument => format!(
            "option ou argument inconnu «\u{a0}{}\u{a0}»",
            said(ContextKind::InvalidArg)
        ),
        K::MissingRequiredArgument => {
            format!("il manque {}", said(ContextKind::InvalidArg))
        }
        K::MissingSubcommand => "il manque la commande".to_string(),
        K::InvalidValue | K::ValueValidation => {
            let possible = match e.get(ContextKind::ValidValue) {
                Some(clap::error::ContextValue::Strings(codes)) => {
                    format!(" (possibles\u{a0}: {})", codes.join(", "))
                }
                _ => String::new(),
            };
            format!(
                "valeur «\u{a0}{}\u{a0}» impossible pour {}{possible}",
                said(ContextKind::InvalidValue),
                said(ContextKind::InvalidArg)
            )
        }
        K::ArgumentConflict => format!(
            "{} ne va pas avec {}",
            said(ContextKind::InvalidArg),
            said(ContextKind::PriorArg)
        ),
        K::TooManyValues | K::WrongNumberOfValues | K::TooFewValues => format!(
            "nombre de valeurs inattendu pour {}",
            said(ContextKind::InvalidArg)
        ),
        _ => {
            // Kept in clap's words, in parentheses, rather than guessed.
            let rendered = e.render().to_string();
            let first = rendered.lines().next().unwrap_or_default().to_string();
            format!("la commande est mal formée ({first})")
        }
    };
    format!(
        "{what}. Aide\u{a0}: «\u{a0}journee --help\u{a0}» ou «\u{a0}journee COMMANDE --help\u{a0}»"
    )
}

/// Opens a project for a command: with automatic backups in the user's data folder. A
/// project too damaged to open is answered with where its latest backup is.
fn open(file: &std::path::Path) -> Result<Project, Error> {
    let opened = Project::open(file);
    if let Err(e) = &opened {
        let damaged = matches!(e, Error::NotAProject { .. })
            || e.trouble() == Some(journee::Trouble::Damaged);
        if let (true, Some(root)) = (damaged, journee::user_data::backups_dir()) {
            let shelf = journee::backup::Shelf::of(&root, file);
            if let Some(latest) = shelf.list().ok().and_then(|l| l.into_iter().next()) {
                esayln!(
                    "journee : la dernière sauvegarde de ce projet est «\u{a0}{}\u{a0}» (du {}) \
                     : copiez-la à la place du fichier pour reprendre à partir d'elle.",
                    latest.path.display(),
                    journee::words::date_time(latest.taken_at)
                );
            }
        }
    }
    let mut project = opened?;
    if let Some(root) = journee::user_data::backups_dir() {
        project.keep_backups_in(&root);
    }
    Ok(project)
}

fn print_json(value: &impl serde::Serialize) {
    sayln!(
        "{}",
        serde_json::to_string_pretty(value).expect("plain data serialises")
    );
}

fn mappings(command: MappingsCommand) -> Result<(), Error> {
    let dir = memory::data_dir().ok_or(Error::NoDataDir)?;
    let path = memory::book_path(&dir);
    let book = MappingBook::load(&path)?;
    match command {
        MappingsCommand::List { json } => {
            if json {
                print_json(&book);
            } else {
                for m in &book.mappings {
                    let kind = match m.kind {
                        ListKind::Submissions => "réponses",
                        ListKind::Registrations => "inscriptions",
                    };
                    sayln!(
                        "{}  {kind}, {} colonnes  ({})",
                        m.file,
                        m.targets.len(),
                        m.saved_at
                    );
                }
                sayln!(
                    "{} correspondance(s) dans {}",
                    book.mappings.len(),
                    path.display()
                );
            }
        }
        MappingsCommand::Export { out } => {
            journee::output::refuse_project_file(&out)?;
            book.save(&out)?;
            sayln!(
                "{} correspondance(s) écrites dans {}",
                book.mappings.len(),
                out.display()
            );
        }
        MappingsCommand::Import { file } => {
            if !file.is_file() {
                return Err(Error::FileNotFound(file));
            }
            let added = MappingBook::add_file(&path, &file)?;
            sayln!("{added} correspondance(s) ajoutées");
        }
    }
    Ok(())
}

fn report_text(report: &Report) -> String {
    let mut out = format!(
        "{}{} ({}, en-têtes ligne {})\u{a0}: {}, {}, {}, {}, {}, {}\n",
        if report.dry_run {
            "Essai, rien n'a été modifié. "
        } else {
            ""
        },
        report.file,
        match report.format {
            SourceFormat::Xlsx => "xlsx",
            SourceFormat::Xlsb => "xlsb",
            SourceFormat::Xls => "xls",
            SourceFormat::Ods => "ods",
            SourceFormat::Delimited => "texte délimité",
        },
        report.header_row,
        plural(report.rows as i64, "ligne lue", "lignes lues"),
        plural(report.new as i64, "nouvelle", "nouvelles"),
        plural(report.updated as i64, "mise à jour", "mises à jour"),
        plural(report.unchanged as i64, "inchangée", "inchangées"),
        plural(report.duplicates as i64, "doublon", "doublons"),
        plural(
            report.blank as i64,
            "ligne vide ignorée",
            "lignes vides ignorées"
        )
    );
    if !report.columns.is_empty() {
        out += &format!(
            "{}\u{a0}; colonnes\u{a0}:\n",
            match report.kind {
                ListKind::Submissions => "Réponses à l'appel",
                ListKind::Registrations => "Inscriptions",
            }
        );
    }
    for column in &report.columns {
        let fate = match (column.field, &column.option) {
            (Some(field), Some(option)) => format!("{field} («\u{a0}{option}\u{a0}»)"),
            (Some(field), None) => field.to_string(),
            (None, _) => "écartée".to_string(),
        };
        out += &format!(
            "  {:>2} {} → {fate} — {}\n",
            column.index, column.header, column.reason
        );
    }
    for change in &report.changes {
        for d in &change.details {
            out += &format!(
                "  {} — {}\u{a0}: «\u{a0}{}\u{a0}» → «\u{a0}{}\u{a0}»\n",
                d.what, d.field, d.before, d.after
            );
        }
    }
    if report.returned.is_some() && !report.dry_run && report.updated > 0 {
        out += "Modifications appliquées en une étape\u{a0}: « journee undo » les annule.\n";
    }
    for p in &report.problems {
        let column = if p.column.is_empty() {
            String::new()
        } else {
            format!(", colonne «\u{a0}{}\u{a0}»", p.column)
        };
        out += &format!("  ligne {}{column}\u{a0}: {}\n", p.row, p.message);
    }
    if !report.absent.is_empty() {
        out += &format!(
            "{} contributions du projet ne figurent pas dans ce fichier (conservées)\u{a0}:\n",
            report.absent.len()
        );
        for a in &report.absent {
            out += &format!("  n°\u{a0}{} {}\n", a.id, a.title);
        }
    }
    out
}

fn info_text(info: &Info) -> String {
    let event = &info.event;
    let mut out = format!(
        "{}\n{} — {}\n{}, {}\n\nSalles ({})\u{a0}:\n",
        event.title,
        journee::words::date(event.start_date),
        journee::words::date(event.end_date),
        event.venue,
        event.address,
        info.rooms.len()
    );
    for room in &info.rooms {
        out += &format!(
            "  {:<28} {:>4} places  {}\n",
            room.name,
            room.capacity,
            room.kind.label_fr()
        );
    }
    out += &format!("\nCréneaux ({})\u{a0}:\n", info.slots.len());
    for slot in &info.slots {
        out += &format!(
            "  {}  {:<12} {:<9} {}\n",
            journee::words::date(slot.date),
            slot.time_range(),
            slot.kind.label_fr(),
            slot.label
        );
    }
    let c = &info.counts;
    out += &format!(
        "\n{} personnes, {} contributions, {} sessions dont {} placées, {} imports, {} versions\n",
        c.people, c.submissions, c.sessions, c.placements, c.imports, c.versions
    );
    out
}
