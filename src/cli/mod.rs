//! The `journee` command. Parses arguments, calls the core, prints text or JSON.
//! Exit status: 0 success, 1 the user's error (French message on stderr), 2 internal error.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::info::Info;
use crate::{demo, Error, Project, Template};

#[derive(Parser)]
#[command(
    name = "journee",
    version,
    about = "Planifier la Journée de la civic tech et de l'engagement citoyen."
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
    /// Écrit le projet de démonstration (fictif) sur le modèle 2019.
    Demo {
        file: PathBuf,
        /// Remplace le fichier s'il existe déjà.
        #[arg(long)]
        force: bool,
    },
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("journee : {e}");
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
            println!(
                "Projet créé\u{a0}: {} (modèle {})",
                project.path().display(),
                template.code()
            );
        }
        Command::Info { file, json } => {
            let info = Project::open(&file)?.info()?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&info).expect("info serialises")
                );
            } else {
                print!("{}", info_text(&info));
            }
        }
        Command::Demo { file, force } => {
            let project = demo::write(&file, force)?;
            let info = project.info()?;
            println!(
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

fn info_text(info: &Info) -> String {
    let event = &info.event;
    let mut out = format!(
        "{}\n{} — {}\n{}, {}\n\nSalles ({})\u{a0}:\n",
        event.title,
        event.start_date.format("%d/%m/%Y"),
        event.end_date.format("%d/%m/%Y"),
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
            slot.date.format("%d/%m/%Y"),
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
