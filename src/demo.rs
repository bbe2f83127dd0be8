//! The demo event: a realistic, fictitious project on the 2019 template, made by code
//! so that it is the same on every machine and no binary fixture is needed.
//!
//! Every person and organisation here is invented.

use std::path::Path;

use rusqlite::Transaction;

use crate::error::Result;
use crate::model::BadgeRole;
use crate::model::{
    ActorType, Format, Person, Session, SessionKind, SessionRole, Status, Submission,
};
use crate::store;
use crate::{Project, Template};

/// Writes the demo project to `path` (replacing a file there when `overwrite`).
pub fn write(path: &Path, overwrite: bool) -> Result<Project> {
    let mut project = Project::create(path, Template::CivicTech2019, overwrite)?;
    let tx = project.begin()?;
    fill(&tx)?;
    tx.commit()?;
    // The organising team and the press, for their badges.
    for (first, last, organisation, role) in [
        (
            "Claire",
            "Vasseur",
            "Décider ensemble",
            BadgeRole::Organisation,
        ),
        (
            "Hugo",
            "Marchetti",
            "Décider ensemble",
            BadgeRole::Organisation,
        ),
        (
            "Sonia",
            "Belkacem",
            "Décider ensemble",
            BadgeRole::Organisation,
        ),
        ("Paul", "Rivière", "CESE", BadgeRole::Organisation),
        ("Agathe", "Morin", "CESE", BadgeRole::Organisation),
        (
            "Yann",
            "Le Bihan",
            "La Gazette des communes",
            BadgeRole::Presse,
        ),
        ("Inès", "Haddad", "Radio Cité", BadgeRole::Presse),
    ] {
        let id = project.add_person(first, last, organisation, ActorType::Autre)?;
        project.set_badge_role(id, Some(role))?;
    }
    // Peers at the centrifugeuse tables.
    project.assign_tables(None)?;
    Ok(project)
}

const ORGANISATIONS: &[(&str, ActorType, &str)] = &[
    ("Ville de Villebrune", ActorType::Public, "FR"),
    ("Métropole de Rivemont", ActorType::Public, "FR"),
    ("Département du Haut-Val", ActorType::Public, "FR"),
    (
        "Agence nationale de la participation",
        ActorType::Public,
        "FR",
    ),
    ("Région Ouest-Atlantique", ActorType::Public, "FR"),
    ("Agora Numérique", ActorType::Entreprise, "FR"),
    ("Délibéra", ActorType::Entreprise, "FR"),
    ("VoxPop Tech", ActorType::Entreprise, "FR"),
    ("Parlons-en SAS", ActorType::Entreprise, "FR"),
    ("Civilab", ActorType::Entreprise, "FR"),
    (
        "Collectif Transparence locale",
        ActorType::Association,
        "FR",
    ),
    ("Citoyens connectés", ActorType::Association, "FR"),
    ("Les Voix du quartier", ActorType::Association, "FR"),
    (
        "Réseau des budgets participatifs",
        ActorType::Association,
        "FR",
    ),
    ("Données en commun", ActorType::Association, "FR"),
    ("Université de Lutèce", ActorType::Recherche, "FR"),
    (
        "Institut d’études démocratiques",
        ActorType::Recherche,
        "FR",
    ),
    ("Horizon public (think-tank)", ActorType::Recherche, "FR"),
    ("Laboratoire Sciences & Société", ActorType::Recherche, "FR"),
    ("Fundación Participa", ActorType::Association, "ES"),
    ("Taipei Open Civic Lab", ActorType::Recherche, "TW"),
    ("Civic Futures UK", ActorType::Association, "GB"),
    ("Alcaldía Abierta Bogotá", ActorType::Public, "CO"),
    ("Nairobi Civic Hub", ActorType::Association, "KE"),
];

const FIRST_NAMES: &[&str] = &[
    "Élodie",
    "Clément",
    "Anaïs",
    "Jérôme",
    "Maëlle",
    "François",
    "Hélène",
    "Benoît",
    "Chloé",
    "Loïc",
    "Zoé",
    "Gaëtan",
    "Inès",
    "Théo",
    "Léa",
    "Noémie",
    "Rémi",
    "Aurélie",
    "Stéphane",
    "Karim",
    "Fatou",
    "Yasmine",
    "Mathis",
    "Océane",
    "Julien",
    "Sébastien",
    "Camille",
    "Agnès",
    "Baptiste",
    "Églantine",
    "Marius",
    "Salomé",
    "Yannick",
    "Nadia",
    "Bérénice",
];

const LAST_NAMES: &[&str] = &[
    "Durand-Lefèvre",
    "Moreau",
    "de La Tour",
    "Nguyen",
    "Benali",
    "Lemaître",
    "Fournier",
    "Rousseau",
    "Gauthier",
    "Petit",
    "Bonnet",
    "Kaci",
    "Marchand",
    "Leroy",
    "Perrin",
    "Faure",
    "Girard",
    "Chevalier",
    "Da Silva",
    "Lambert",
    "Roux",
    "Mercier",
    "Dupont",
    "Fontaine",
    "Caron",
    "Blanc",
    "Guérin",
    "Boyer",
    "Lefebvre",
    "N'Diaye",
    "Le Goff",
    "Œuvray",
];

/// People from abroad who speak in English, one per international organisation.
const INTERNATIONAL: &[(&str, &str, usize)] = &[
    ("Lucía", "Fernández", 19),
    ("Wei-Ting", "Chen", 20),
    ("Oliver", "Hughes", 21),
    ("Camila", "Restrepo", 22),
    ("Wanjiru", "Kamau", 23),
];

/// (format, axes, title) of the demo's contributions.
const CONTRIBUTIONS: &[(Format, &[u8], &str)] = &[
    (
        Format::RetourExperience,
        &[1],
        "Trois ans de budget participatif à Villebrune\u{a0}: ce que les chiffres disent",
    ),
    (
        Format::Recherche,
        &[1],
        "Qui participe vraiment ? Sociologie des contributeurs aux consultations en ligne",
    ),
    (
        Format::RetourExperience,
        &[1],
        "Consulter sur un projet urbain\u{a0}: la plateforme de Rivemont évaluée",
    ),
    (
        Format::Pitch,
        &[2],
        "Pour une loi sur l’ouverture des données des collectivités",
    ),
    (
        Format::Centrifugeuse,
        &[1],
        "Un tableau de bord citoyen des engagements municipaux",
    ),
    (
        Format::RetourExperience,
        &[2],
        "Cartographier les logements vacants avec les habitants",
    ),
    (
        Format::Recherche,
        &[3],
        "Modèles économiques des civic tech\u{a0}: une enquête auprès de 60 structures",
    ),
    (
        Format::Centrifugeuse,
        &[3],
        "Une coopérative de logiciels libres pour la participation",
    ),
    (
        Format::RetourExperience,
        &[4],
        "Un budget participatif interne dans une entreprise de 800 salariés",
    ),
    (
        Format::Pitch,
        &[2],
        "Appel à une semaine nationale de l’engagement citoyen",
    ),
    (
        Format::Recherche,
        &[2],
        "Pétitions en ligne et décision publique\u{a0}: une analyse de 10 000 pétitions",
    ),
    (
        Format::Centrifugeuse,
        &[2],
        "Une application de vérification collaborative des tracts électoraux",
    ),
    (
        Format::RetourExperience,
        &[1, 3],
        "Acheter une plateforme de participation\u{a0}: retour sur un marché public",
    ),
    (
        Format::Recherche,
        &[4],
        "Holacratie et outils numériques\u{a0}: trois études de cas",
    ),
    (
        Format::RetourExperience,
        &[2],
        "Mobiliser les jeunes par messagerie\u{a0}: ce qui a marché, ce qui a échoué",
    ),
    (
        Format::Centrifugeuse,
        &[4],
        "Une boîte à idées délibérative pour un syndicat",
    ),
    (
        Format::Pitch,
        &[3],
        "Un fonds de dotation pour la démocratie numérique",
    ),
    (
        Format::RetourExperience,
        &[1],
        "Le grand débat départemental\u{a0}: méthode de synthèse des contributions",
    ),
    (
        Format::Recherche,
        &[1, 2],
        "Mesurer l’impact d’une consultation\u{a0}: proposition d’indicateurs",
    ),
    (
        Format::Centrifugeuse,
        &[1],
        "Un jury citoyen tiré au sort assisté par le numérique",
    ),
    (
        Format::RetourExperience,
        &[2],
        "Open data et associations de quartier\u{a0}: cinq ans de pratique",
    ),
    (
        Format::RetourExperience,
        &[4],
        "Consulter les adhérents d’une fédération\u{a0}: la démarche de 2018",
    ),
    (
        Format::Recherche,
        &[3],
        "Financer la civic tech\u{a0}: mécénat, subventions, commande publique",
    ),
    (
        Format::Pitch,
        &[1],
        "Pour un droit de suite des contributions citoyennes",
    ),
    (
        Format::Centrifugeuse,
        &[2],
        "Un outil de plaidoyer collectif pour les locataires",
    ),
    (
        Format::RetourExperience,
        &[1],
        "Participatory budgeting in Madrid: lessons from four editions",
    ),
    (
        Format::Recherche,
        &[1],
        "Digital deliberation in Taiwan: from hackathons to policy",
    ),
    (
        Format::RetourExperience,
        &[2],
        "Crowdsourcing local democracy in the UK",
    ),
    (
        Format::RetourExperience,
        &[1],
        "Open government in Bogotá: what citizens asked for",
    ),
    (
        Format::Pitch,
        &[2],
        "Civic tech for accountability in Nairobi",
    ),
    (
        Format::RetourExperience,
        &[3],
        "Une plateforme de consultation en logiciel libre\u{a0}: pérenniser sans trahir",
    ),
    (
        Format::Recherche,
        &[2],
        "Les collectifs citoyens face aux réseaux sociaux\u{a0}: une ethnographie",
    ),
];

/// Hands out first and last name pairs, never the same pair twice.
#[derive(Default)]
struct Names {
    used: std::collections::HashSet<(usize, usize)>,
}

impl Names {
    fn next(&mut self, seed: usize) -> (&'static str, &'static str) {
        let (nf, nl) = (FIRST_NAMES.len(), LAST_NAMES.len());
        let mut k = seed;
        loop {
            let pair = (k % nf, (k / nf + k * 3) % nl);
            if self.used.insert(pair) {
                return (FIRST_NAMES[pair.0], LAST_NAMES[pair.1]);
            }
            k += 1;
        }
    }
}

/// More answers, made from the themes the call names, so that the demo has the volume of
/// a real call (about 120 answers).
fn generated_contributions() -> Vec<(Format, Vec<u8>, String)> {
    // (with "un/une", with "le/la")
    const TOPICS: &[(&str, &str)] = &[
        ("un budget participatif", "le budget participatif"),
        ("une consultation en ligne", "la consultation en ligne"),
        ("une pétition numérique", "la pétition numérique"),
        ("un jury citoyen", "le jury citoyen"),
        (
            "une cartographie collaborative",
            "la cartographie collaborative",
        ),
        (
            "des données ouvertes locales",
            "les données ouvertes locales",
        ),
        (
            "une plateforme de concertation",
            "la plateforme de concertation",
        ),
        ("un vote interne en ligne", "le vote interne en ligne"),
        ("un débat public numérique", "le débat public numérique"),
        (
            "une application de signalement",
            "l’application de signalement",
        ),
        ("une assemblée citoyenne", "l’assemblée citoyenne"),
        (
            "un conseil de quartier connecté",
            "le conseil de quartier connecté",
        ),
    ];
    const PLACES: &[&str] = &[
        "Villebrune",
        "Rivemont",
        "Port-Marin",
        "Saint-Aubin-les-Vignes",
        "Haut-Val",
        "Montclair",
        "Lutèce",
    ];
    let mut out = Vec::new();
    for i in 0..88usize {
        let (a_topic, the_topic) = TOPICS[i % TOPICS.len()];
        let capitalised = {
            let mut c = a_topic.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        };
        let place = PLACES[(i / 2) % PLACES.len()];
        let axis = (i % 4) as u8 + 1;
        let (format, title) = match i % 5 {
            0 | 1 => (
                Format::RetourExperience,
                format!("{capitalised} à {place}\u{a0}: bilan de {} ans", 2 + i % 4),
            ),
            2 => (
                Format::Recherche,
                format!(
                    "Ce que change {the_topic}\u{a0}: enquête auprès de {} participants",
                    40 + i * 7
                ),
            ),
            3 => (Format::Pitch, format!("Pour {a_topic} dans chaque commune")),
            _ => (
                Format::Centrifugeuse,
                format!("Projet en conception\u{a0}: {a_topic} pour {place}"),
            ),
        };
        out.push((format, vec![axis], title));
    }
    out
}

/// A grid cell by room name and start time.
type Cell = (&'static str, &'static str);

fn person(first: &str, last: &str, org: usize, registered: bool) -> Person {
    let (organisation, actor_type, country) = ORGANISATIONS[org];
    let email = format!(
        "{}.{}@example.org",
        deunicode::deunicode(first).to_lowercase().replace(' ', ""),
        deunicode::deunicode(last)
            .to_lowercase()
            .replace([' ', '\''], "")
    );
    Person {
        id: 0,
        first_name: first.into(),
        last_name: last.into(),
        email,
        phone: String::new(),
        organisation: organisation.into(),
        actor_type,
        country: country.into(),
        registered,
        wishes: String::new(),
        accessibility: String::new(),
    }
}

fn fill(tx: &Transaction) -> Result<()> {
    let day_rooms = store::read_rooms(tx)?;
    let day_slots = store::read_slots(tx)?;
    let room = |name: &str| day_rooms.iter().find(|r| r.name == name).map(|r| r.id);
    let slot = |hhmm: &str| {
        day_slots
            .iter()
            .find(|s| s.start.format("%H:%M").to_string() == hhmm)
            .map(|s| s.id)
    };

    // Contributors: one per contribution, international ones for the English titles.
    let mut names = Names::default();
    let mut submissions = Vec::new();
    let first_english = CONTRIBUTIONS.len() - 7;
    let mut all: Vec<(Format, Vec<u8>, String)> = CONTRIBUTIONS
        .iter()
        .map(|(f, a, t)| (*f, a.to_vec(), t.to_string()))
        .collect();
    all.extend(generated_contributions());
    for (i, (format, axes, title)) in all.iter().enumerate() {
        let (contact, language) = if (first_english..first_english + 5).contains(&i) {
            let (first, last, org) = INTERNATIONAL[i - first_english];
            (person(first, last, org, false), "en")
        } else {
            let (first, last) = names.next(i * 7);
            (person(first, last, (i * 3) % 19, false), "fr")
        };
        let contact_id = store::insert_person(tx, &contact)?;
        // The handwritten ones are mostly retained, as in late February; of the rest,
        // some wait, many were declined, some are still to be read.
        let status = if i < CONTRIBUTIONS.len() {
            match i % 8 {
                3 => Status::ListeAttente,
                6 => Status::Refusee,
                7 if i > 20 => Status::Nouvelle,
                _ => Status::Retenue,
            }
        } else {
            [
                Status::Refusee,
                Status::Nouvelle,
                Status::ListeAttente,
                Status::Refusee,
                Status::Retenue,
                Status::Nouvelle,
                Status::Refusee,
            ][i % 7]
        };
        let id = store::insert_submission(
            tx,
            &Submission {
                id: 0,
                // Webform numbers answers; the demo's come from a later range than the fixtures'.
                external_id: Some(format!("{}", 2001 + i)),
                contact_id: Some(contact_id),
                format: *format,
                axes: axes.clone(),
                actor_type: contact.actor_type,
                title: title.clone(),
                summary: format!(
                    "Proposée par {} {} ({}), pour l’axe {}.",
                    contact.first_name,
                    contact.last_name,
                    contact.organisation,
                    axes.iter()
                        .map(|a| a.to_string())
                        .collect::<Vec<_>>()
                        .join(" et ")
                ),
                language: language.into(),
                status,
                submitted_at: Some(format!(
                    "2019-01-{:02}T{:02}:{:02}:00+01:00",
                    3 + (i * 11) % 22,
                    8 + (i * 5) % 12,
                    (i * 17) % 60
                )),
            },
        )?;
        submissions.push((id, *format, status, language));
        // Two organisers have started reviewing.
        if i % 3 == 0 {
            store::insert_review(tx, id, "Camille Roux", Some((i as i64 * 3) % 6), "")?;
        }
        if i % 5 == 0 {
            let note = if i % 2 == 0 {
                "À recontacter pour préciser la méthode"
            } else {
                ""
            };
            store::insert_review(tx, id, "Yannick Petit", Some((i as i64 + 2) % 6), note)?;
        }
        if language == "en" {
            store::insert_tag(tx, id, "international")?;
        }
    }

    // Participants from the registrations list.
    for i in 0..250 {
        let (first, last) = names.next(i * 11 + 3);
        let mut p = person(first, last, (i * 7) % ORGANISATIONS.len(), true);
        p.email = p.email.replace("@example.org", "@example.net");
        p.wishes = ["centrifugeuse", "atelier", "formation", "plénière"][i % 4].into();
        if i % 37 == 5 {
            p.accessibility = "Fauteuil roulant".into();
        }
        store::insert_person(tx, &p)?;
    }

    // Moderators and animateurs: invited, without a submission.
    let mut hosts = Vec::new();
    for i in 0..8 {
        let host = person(
            FIRST_NAMES[(i * 4 + 2) % FIRST_NAMES.len()],
            LAST_NAMES[(i * 3 + 7) % LAST_NAMES.len()],
            [3, 16, 17, 11, 0, 6, 13, 15][i],
            false,
        );
        hosts.push(store::insert_person(tx, &host)?);
    }

    // Sessions of the provisional programme; the last ones wait in the tray.
    use SessionKind::*;
    // (title, kind, language, expected audience, (room, start) where it is placed)
    let sessions: &[(&str, SessionKind, &str, i64, Option<Cell>)] = &[
        (
            "Plénière d’ouverture",
            Pleniere,
            "fr",
            190,
            Some(("Hémicycle", "09:00")),
        ),
        (
            "Première table ronde\u{a0}: les govtech à l’épreuve de l’évaluation",
            TableRonde,
            "fr",
            180,
            Some(("Hémicycle", "10:00")),
        ),
        (
            "Deuxième table ronde\u{a0}: quand la technologie sert la cause",
            TableRonde,
            "fr",
            160,
            Some(("Hémicycle", "11:30")),
        ),
        (
            "Troisième table ronde\u{a0}: les civic tech, un marché comme un autre\u{a0}?",
            TableRonde,
            "fr",
            150,
            Some(("Hémicycle", "14:30")),
        ),
        (
            "Quatrième table ronde\u{a0}: démocratie en entreprise et en organisation",
            TableRonde,
            "fr",
            140,
            Some(("Hémicycle", "16:30")),
        ),
        (
            "Co-construction\u{a0}: projets de collectivités",
            Centrifugeuse,
            "fr",
            30,
            Some(("Salle des centrifugeuses", "10:00")),
        ),
        (
            "Co-construction de projets de start-ups",
            Centrifugeuse,
            "fr",
            30,
            Some(("Salle des centrifugeuses", "11:30")),
        ),
        (
            "Co-construction de projets associatifs",
            Centrifugeuse,
            "fr",
            30,
            Some(("Salle des centrifugeuses", "14:30")),
        ),
        (
            "Mini-formation\u{a0}: démocratie et participation",
            Formation,
            "fr",
            28,
            Some(("Salle de formation", "10:00")),
        ),
        (
            "Mini-formation\u{a0}: démocratie numérique",
            Formation,
            "fr",
            30,
            Some(("Salle de formation", "11:30")),
        ),
        (
            "Mini-formation\u{a0}: démocratie en entreprise",
            Formation,
            "fr",
            22,
            Some(("Salle de formation", "14:30")),
        ),
        (
            "Retours d’expérience\u{a0}: budgets participatifs",
            Atelier,
            "fr",
            20,
            Some(("Atelier 1", "10:00")),
        ),
        (
            "Retours d’expérience\u{a0}: consultations locales",
            Atelier,
            "fr",
            18,
            Some(("Atelier 2", "10:00")),
        ),
        (
            "International experiences (in English)",
            Atelier,
            "en",
            20,
            Some(("Atelier 3", "10:00")),
        ),
        (
            "Retours d’expérience\u{a0}: mobiliser les citoyens",
            Atelier,
            "fr",
            20,
            Some(("Atelier 1", "11:30")),
        ),
        (
            "Retours d’expérience\u{a0}: données ouvertes",
            Atelier,
            "fr",
            16,
            Some(("Atelier 2", "11:30")),
        ),
        (
            "Retours d’expérience\u{a0}: démocratie en entreprise",
            Atelier,
            "fr",
            15,
            Some(("Atelier 3", "11:30")),
        ),
        (
            "Retours d’expérience\u{a0}: financer la civic tech",
            Atelier,
            "fr",
            18,
            Some(("Atelier 1", "14:30")),
        ),
        (
            "Ateliers de discussion\u{a0}: évaluer l’impact",
            Atelier,
            "fr",
            20,
            Some(("Atelier 1", "16:30")),
        ),
        (
            "Ateliers de discussion\u{a0}: élargir les publics",
            Atelier,
            "fr",
            20,
            None,
        ),
        ("Centrifugeuse ouverte", Centrifugeuse, "fr", 25, None),
    ];
    let mut session_ids = Vec::new();
    for (n, (title, kind, language, audience, cell)) in sessions.iter().enumerate() {
        let id = store::insert_session(
            tx,
            &Session {
                id: 0,
                title: (*title).into(),
                kind: *kind,
                language: (*language).into(),
                expected_audience: Some(*audience),
                description: String::new(),
            },
        )?;
        let role = if *kind == Centrifugeuse || *kind == Formation {
            SessionRole::Animateur
        } else {
            SessionRole::Moderateur
        };
        store::add_session_person(tx, id, hosts[n % hosts.len()], role)?;
        if let Some((room_name, start)) = cell {
            if let (Some(room_id), Some(slot_id)) = (room(room_name), slot(start)) {
                store::place(tx, id, room_id, slot_id)?;
            }
        }
        session_ids.push((id, *kind, *language));
    }

    // Retained contributions go to sessions of a fitting kind, in turn.
    let mut turn = 0;
    for (submission_id, format, status, language) in submissions {
        if status != Status::Retenue {
            continue;
        }
        let fits = |kind: SessionKind, session_language: &str| match format {
            Format::Centrifugeuse => kind == Centrifugeuse,
            Format::Pitch => kind == Pleniere,
            _ => kind == Atelier && session_language == language,
        };
        let candidates: Vec<i64> = session_ids
            .iter()
            .filter(|(_, kind, lang)| fits(*kind, lang))
            .map(|(id, _, _)| *id)
            .collect();
        if !candidates.is_empty() {
            store::add_contribution(tx, candidates[turn % candidates.len()], submission_id)?;
            turn += 1;
        }
    }
    Ok(())
}
