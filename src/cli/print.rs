//! `journee export` (the printed documents) and `journee preflight`.

use std::path::Path;

use super::TablesCommand;
use journee::common::Severity;
use journee::model::BadgeRole;
use journee::print::{BadgeOptions, Document, Layout, Printed, Qr, Sort};
use journee::seating::SessionSeating;
use journee::{EditError, Error, Project};

/// The options of `journee export`, as typed (each document reads its own).
#[derive(clap::Args)]
pub struct ExportArgs {
    /// Badges : a4-8 (90 × 55 mm, par défaut), a4-10 (85 × 54 mm), a6-4, a6, single.
    #[arg(long)]
    layout: Option<String>,
    /// Badges : rôles à imprimer, séparés par des virgules
    /// (organisation, presse, intervenant, animateur, participant).
    #[arg(long)]
    roles: Option<String>,
    /// Badges : recto verso (le verso en miroir, aligné sur le recto).
    #[arg(long)]
    duplex: bool,
    /// Badges : un code QR, vcard (carte de visite) ou id (pour l'accueil).
    #[arg(long)]
    qr: Option<String>,
    /// Badges : la session et l'heure des intervenant·es.
    #[arg(long)]
    sessions: bool,
    /// Badges : ordre, nom (par défaut) ou role.
    #[arg(long)]
    sort: Option<String>,
    /// Badges : marges gauche et haute en mm (« 12,15 ») au lieu de centrer.
    #[arg(long)]
    margin: Option<String>,
    /// Badges : espace entre badges en mm, horizontal et vertical (« 3,2 »).
    #[arg(long)]
    gap: Option<String>,
    /// Badges : sans le logo du projet (voir « journee logo »).
    #[arg(long)]
    no_logo: bool,
    /// Badges, programme : fonds perdus de 3 mm pour un imprimeur (la couleur déborde la
    /// coupe ; chaque page reçoit ses TrimBox et BleedBox, un badge par page aussi).
    #[arg(long)]
    bleed: bool,
    /// Tables : une seule session de centrifugeuse.
    #[arg(long)]
    session: Option<i64>,
    /// Programme : a4 (par défaut), a5, ou livret (A5 imposé sur A4 paysage, à plier).
    #[arg(long)]
    format: Option<String>,
}

fn bad(field: &str, value: &str) -> Error {
    EditError::BadValue {
        field: field.into(),
        value: value.into(),
    }
    .into()
}

/// "12,8.5" as two millimetre values.
fn pair(field: &str, text: &str) -> Result<(f32, f32), Error> {
    let values: Vec<f32> = text
        .split([',', ';', 'x'])
        .map(|v| v.trim().replace(',', ".").parse::<f32>())
        .collect::<Result<_, _>>()
        .map_err(|_| bad(field, text))?;
    match values[..] {
        [a, b] if a >= 0.0 && b >= 0.0 => Ok((a, b)),
        _ => Err(bad(field, text)),
    }
}

pub fn badge_options(args: &ExportArgs) -> Result<BadgeOptions, Error> {
    let mut options = BadgeOptions {
        duplex: args.duplex,
        sessions: args.sessions,
        no_logo: args.no_logo,
        bleed: args.bleed,
        ..BadgeOptions::default()
    };
    if let Some(layout) = &args.layout {
        options.layout = Layout::parse(layout).ok_or_else(|| bad("--layout", layout))?;
    }
    if let Some(roles) = &args.roles {
        options.roles = roles
            .split(',')
            .filter(|r| !r.trim().is_empty())
            .map(|r| BadgeRole::parse(r).ok_or_else(|| bad("--roles", r)))
            .collect::<Result<_, _>>()?;
    }
    if let Some(qr) = &args.qr {
        // The names the screen sends, read the same way (serde's), so the two agree.
        options.qr = Some(
            serde_json::from_value::<Qr>(serde_json::Value::String(qr.clone()))
                .map_err(|_| bad("--qr", qr))?,
        );
    }
    if let Some(sort) = &args.sort {
        options.sort = match sort.as_str() {
            "nom" | "name" => Sort::Name,
            "role" | "rôle" => Sort::Role,
            _ => return Err(bad("--sort", sort)),
        };
    }
    if let Some(margin) = &args.margin {
        options.margin = Some(pair("--margin", margin)?);
    }
    if let Some(gap) = &args.gap {
        options.gap = Some(pair("--gap", gap)?);
    }
    Ok(options)
}

/// The document named on the command line, with its options.
fn asked(document: &str, args: &ExportArgs) -> Result<Document, Error> {
    Ok(match document {
        "badges" => Document::Badges {
            options: badge_options(args)?,
        },
        "signs" | "affichettes" => Document::Signs,
        "tables" => Document::Tables {
            session: args.session,
        },
        "programme" => Document::Programme {
            bleed: args.bleed,
            format: match &args.format {
                Some(f) => journee::print::Format::parse(f).ok_or_else(|| bad("--format", f))?,
                None => journee::print::Format::A4,
            },
        },
        other => match journee::print::Paperwork::parse(other) {
            Some(which) => Document::Paperwork { which },
            None => return Err(Error::UnknownDocument(other.to_string())),
        },
    })
}

pub fn export(file: &Path, document: &str, out: &Path, args: &ExportArgs) -> Result<(), Error> {
    let project = super::open(file)?;
    if let Some(which) = journee::print::Paperwork::parse(document) {
        let xlsx = out
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        if xlsx {
            let bytes = project
                .paperwork_workbook(which)?
                .ok_or_else(|| Error::NotAList(which.code().to_string()))?;
            journee::output::write_atomically(out, &bytes)?;
            sayln!("{}", out.display());
            return Ok(());
        }
    }
    let printed: Printed = project.print(&asked(document, args)?)?;
    journee::output::write_atomically(out, &printed.pdf)?;
    sayln!(
        "{} : {} page{}",
        out.display(),
        printed.pages,
        if printed.pages > 1 { "s" } else { "" }
    );
    for finding in &printed.findings {
        esayln!("{} {}", level(finding.severity), finding.message);
    }
    Ok(())
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "erreur   ",
        Severity::Warning => "attention",
        Severity::Info => "info     ",
    }
}

pub fn preflight(
    file: &Path,
    document: Option<&str>,
    args: &ExportArgs,
    json: bool,
) -> Result<(), Error> {
    let project = super::open(file)?;
    let findings = match document {
        Some(document) => project.preflight_of(&asked(document, args)?)?,
        None => project.preflight()?,
    };
    if json {
        super::print_json(&findings);
    } else {
        for f in &findings {
            sayln!("{} {:<22} {}", level(f.severity), f.code, f.message);
        }
        sayln!(
            "{}",
            journee::words::plural(
                findings.len() as i64,
                "point à vérifier",
                "points à vérifier"
            )
        );
    }
    Ok(())
}

pub fn set_role(file: &Path, person: i64, role: &str) -> Result<(), Error> {
    let role = match role {
        "aucun" | "none" => None,
        r => Some(BadgeRole::parse(r).ok_or_else(|| bad("rôle", r))?),
    };
    super::open(file)?.set_badge_role(person, role)?;
    Ok(())
}

pub fn list_badges(file: &Path, json: bool) -> Result<(), Error> {
    let project = super::open(file)?;
    let badges = journee::print::badges::select(
        journee::print::badges::badges(&project)?,
        &BadgeOptions::default(),
    );
    if json {
        super::print_json(&badges);
    } else {
        for b in &badges {
            sayln!("{:<16} {} ({})", b.role.label(), b.name(), b.organisation);
        }
        sayln!("{} badges", badges.len());
    }
    Ok(())
}

pub fn logo(file: &Path, image: Option<&Path>, remove: bool) -> Result<(), Error> {
    let mut project = super::open(file)?;
    if remove {
        project.remove_logo()?;
        sayln!("Logo retiré.");
    } else if let Some(image) = image {
        let logo = project.set_logo(image)?;
        sayln!(
            "Logo\u{a0}: {} ({} × {} px).",
            logo.file_name,
            logo.width,
            logo.height
        );
    } else {
        match project.logo_name()? {
            Some(name) => sayln!("Logo\u{a0}: {name}"),
            None => sayln!("Pas de logo."),
        }
    }
    Ok(())
}

pub fn tables(command: TablesCommand) -> Result<(), Error> {
    match command {
        TablesCommand::Assign {
            file,
            session,
            json,
        } => {
            let plans = Project::open(&file)?.assign_tables(session)?;
            if json {
                super::print_json(&plans);
            } else {
                plans.iter().for_each(print_plan);
            }
        }
        TablesCommand::Show {
            file,
            session,
            json,
        } => {
            let plan = Project::open(&file)?.seating(session)?;
            if json {
                super::print_json(&plan);
            } else {
                print_plan(&plan);
            }
        }
        TablesCommand::Seat {
            file,
            session,
            person,
            table,
        } => {
            let table = match table.as_str() {
                "aucune" | "none" => None,
                t => Some(t.parse::<i64>().map_err(|_| bad("table", t))?),
            };
            Project::open(&file)?.seat_person(session, person, table)?;
        }
    }
    Ok(())
}

fn print_plan(plan: &SessionSeating) {
    sayln!("{} (session n°\u{a0}{})", plan.title, plan.session);
    for table in &plan.tables {
        let names = |seats: &[journee::seating::Seat]| {
            seats
                .iter()
                .map(|s| format!("{} ({})", s.name(), s.organisation))
                .collect::<Vec<_>>()
                .join(", ")
        };
        sayln!(
            "  Table {}{} · {}",
            table.number,
            if table.accessible {
                " (accessible)"
            } else {
                ""
            },
            table.projects.join(" / ")
        );
        sayln!("    porteur·se : {}", names(&table.holders));
        sayln!("    pairs : {}", names(&table.peers));
        if let Some(a) = &table.animateur {
            sayln!("    animateur·rice : {}", a.name());
        }
    }
    for broken in &plan.broken {
        sayln!("  ! {}", broken.message);
    }
}
