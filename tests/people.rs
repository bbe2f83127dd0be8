//! The participants' directory on a real project file: filters, edits of a person and
//! merging two records of one person, each undone and redone.

use journee::import::ImportOptions;
use journee::model::{ActorType, BadgeRole, SessionKind};
use journee::people::{PeopleQuery, PersonPatch};
use journee::{EditError, Error};

mod support;

use support::demo_project as demo;

#[test]
fn the_directory_filters_on_wishes_accessibility_badge_organisation_and_actor() {
    let (_dir, project) = demo();
    let everyone = project.participants().unwrap();
    assert_eq!(everyone.len(), project.people(false).unwrap().len());
    let find = |q: PeopleQuery| project.find_participants(&q).unwrap();

    let centrifugeuse = find(PeopleQuery {
        wish: Some(SessionKind::Centrifugeuse),
        ..Default::default()
    });
    let expected = everyone
        .iter()
        .filter(|p| SessionKind::Centrifugeuse.wished_in(&p.person.wishes))
        .count();
    assert!(expected > 10);
    assert_eq!(centrifugeuse.len(), expected);

    let accessible = find(PeopleQuery {
        accessibility: true,
        ..Default::default()
    });
    assert!(!accessible.is_empty());
    assert!(accessible
        .iter()
        .all(|p| !p.person.accessibility.is_empty()));

    // Speakers: a badge « intervenant », their sessions with times and rooms.
    let speakers = find(PeopleQuery {
        badge: Some("intervenant".into()),
        ..Default::default()
    });
    assert!(!speakers.is_empty());
    assert!(speakers
        .iter()
        .all(|p| p.badge == Some(BadgeRole::Intervenant)));
    let placed = speakers
        .iter()
        .flat_map(|p| &p.sessions)
        .find(|s| s.when.is_some())
        .unwrap();
    assert!(placed.when.as_ref().unwrap().contains(':'), "{placed:?}");
    let without = find(PeopleQuery {
        badge: Some("aucun".into()),
        ..Default::default()
    });
    assert!(without.iter().all(|p| p.badge.is_none()));

    // One organisation, however it is capitalised; one actor type; words.
    let org = everyone
        .iter()
        .find(|p| !p.person.organisation.is_empty())
        .unwrap()
        .person
        .organisation
        .clone();
    let same_org = find(PeopleQuery {
        organisation: Some(org.to_uppercase()),
        ..Default::default()
    });
    assert!(!same_org.is_empty());
    assert!(same_org.iter().all(|p| p.person.organisation == org));
    let public = find(PeopleQuery {
        actor_type: Some("public".into()),
        ..Default::default()
    });
    assert!(public
        .iter()
        .all(|p| p.person.actor_type == ActorType::Public));
    let someone = &everyone[3].person;
    let by_name = find(PeopleQuery {
        text: deunicode::deunicode(&someone.last_name).to_uppercase(),
        ..Default::default()
    });
    assert!(by_name.iter().any(|p| p.person.id == someone.id));
    // Someone seated at a table says where.
    assert!(everyone.iter().any(|p| !p.seats.is_empty()));
}

#[test]
fn a_person_is_edited_checked_and_the_edit_undone() {
    let (_dir, mut project) = demo();
    let person = project.participants().unwrap()[0].clone();
    let id = person.person.id;
    let err = project
        .update_person(
            id,
            PersonPatch {
                email: Some("pas-une-adresse".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Adresse électronique invalide\u{a0}: «\u{a0}pas-une-adresse\u{a0}»."
    );
    assert!(matches!(
        project.update_person(
            id,
            PersonPatch {
                first_name: Some(" ".into()),
                last_name: Some("".into()),
                ..Default::default()
            }
        ),
        Err(Error::Edit(EditError::EmptyName(_)))
    ));
    assert_eq!(project.participants().unwrap()[0], person);

    project
        .update_person(
            id,
            PersonPatch {
                email: Some("nouvelle@example.org".into()),
                accessibility: Some("Boucle magnétique".into()),
                notes: Some("Arrive à 10 h".into()),
                badge_role: Some(Some(BadgeRole::Presse)),
                ..Default::default()
            },
        )
        .unwrap();
    let edited = project
        .participants()
        .unwrap()
        .into_iter()
        .find(|p| p.person.id == id)
        .unwrap();
    assert_eq!(edited.person.email, "nouvelle@example.org");
    assert_eq!(edited.person.accessibility, "Boucle magnétique");
    assert_eq!(edited.notes, "Arrive à 10 h");
    assert_eq!(edited.badge_role, Some(BadgeRole::Presse));
    assert!(project
        .history()
        .unwrap()
        .0
        .unwrap()
        .starts_with("Modification de "));
    project.undo().unwrap();
    assert_eq!(project.participants().unwrap()[0], person);
    project.redo().unwrap();
    assert_eq!(
        project
            .participants()
            .unwrap()
            .into_iter()
            .find(|p| p.person.id == id)
            .unwrap(),
        edited
    );
}

#[test]
fn two_records_of_one_person_are_merged_and_the_merge_undone() {
    let (dir, mut project) = demo();
    // A speaker who also registered, under another address and with a wish.
    let speaker = project
        .participants()
        .unwrap()
        .into_iter()
        .find(|p| p.badge == Some(BadgeRole::Intervenant) && !p.person.registered)
        .expect("a speaker who did not register");
    let csv = dir.path().join("inscriptions.csv");
    std::fs::write(
        &csv,
        format!(
            "Prénom;Nom;Adresse électronique;Souhaits;Accessibilité\n{};{};perso@example.org;Ateliers;Fauteuil\n",
            speaker.person.first_name, speaker.person.last_name
        ),
    )
    .unwrap();
    project
        .import(
            &csv,
            &ImportOptions {
                kind: Some(journee::import::ListKind::Registrations),
                ..ImportOptions::default()
            },
        )
        .unwrap();
    let before = project.participants().unwrap();
    let twin = before
        .iter()
        .find(|p| p.person.email == "perso@example.org")
        .unwrap()
        .clone();
    assert_ne!(twin.person.id, speaker.person.id);

    assert!(matches!(
        project.merge_people(twin.person.id, twin.person.id),
        Err(Error::Edit(EditError::MergeWithItself(_)))
    ));
    project
        .merge_people(speaker.person.id, twin.person.id)
        .unwrap();
    let after = project.participants().unwrap();
    assert_eq!(after.len(), before.len() - 1);
    assert!(after.iter().all(|p| p.person.id != twin.person.id));
    let one = after
        .iter()
        .find(|p| p.person.id == speaker.person.id)
        .unwrap();
    assert!(one.person.registered);
    assert_eq!(one.person.email, speaker.person.email);
    assert_eq!(one.person.wishes, "Ateliers");
    assert_eq!(one.person.accessibility, "Fauteuil");
    assert_eq!(one.sessions, speaker.sessions);
    assert_eq!(one.badge, Some(BadgeRole::Intervenant));

    let label = project.undo().unwrap();
    assert!(label.starts_with("Fusion de "), "{label}");
    assert_eq!(project.participants().unwrap(), before);
    project.redo().unwrap();
    assert_eq!(project.participants().unwrap(), after);
}
