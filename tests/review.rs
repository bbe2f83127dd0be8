//! Reviewing: finding submissions, statuses in bulk, reviewers' scores and notes, tags,
//! and the live balance of actors.

mod support;

use journee::model::Status;
use journee::review::{Query, Targets};
use journee::{EditError, Error, Project};
use support::imported_project as imported;

fn ids(list: &[journee::review::SubmissionView]) -> Vec<String> {
    list.iter()
        .map(|s| s.external_id.clone().unwrap())
        .collect()
}

#[test]
fn full_text_search_ignores_accents_and_case_and_filters_combine() {
    let (_dir, project) = imported();
    let find = |q: Query| ids(&project.find_submissions(&q).unwrap());
    let text = |t: &str| Query {
        text: t.into(),
        ..Query::default()
    };
    assert_eq!(find(text("OEUVRAY")), ["105"]);
    assert_eq!(find(text("elodie villebrune")), ["101"]);
    assert_eq!(find(text("ecosysteme")), ["106"]);
    assert!(find(text("budget introuvable")).is_empty());
    assert_eq!(
        find(Query {
            format: Some("pitch".into()),
            ..Query::default()
        }),
        ["102", "108"]
    );
    assert_eq!(
        find(Query {
            axis: Some(2),
            language: Some("fr".into()),
            ..Query::default()
        }),
        ["103", "107"]
    );
    assert_eq!(
        find(Query {
            flagged: true,
            actor_type: Some("autre".into()),
            ..Query::default()
        }),
        ["107"]
    );
}

#[test]
fn bulk_status_is_all_or_nothing() {
    let (_dir, mut project) = imported();
    let list = project.submissions(None).unwrap();
    let (a, b) = (list[0].id, list[1].id);
    project.set_statuses(&[a, b], Status::Retenue).unwrap();
    assert_eq!(project.submissions(Some(Status::Retenue)).unwrap().len(), 2);
    let err = project
        .set_statuses(&[list[2].id, 9999], Status::Refusee)
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Edit(EditError::SubmissionNotFound(9999))
    ));
    assert!(project
        .submissions(Some(Status::Refusee))
        .unwrap()
        .is_empty());
}

#[test]
fn reviews_scores_and_tags() {
    let (_dir, mut project) = imported();
    let id = project.submissions(None).unwrap()[0].id;
    project
        .review(id, "Camille", Some(4), "Solide, chiffres à l'appui")
        .unwrap();
    project.review(id, "Yannick", Some(2), "").unwrap();
    project
        .review(id, "Camille", Some(5), "Après relecture : excellent")
        .unwrap();
    assert!(matches!(
        project.review(id, "Camille", Some(9), ""),
        Err(Error::Edit(EditError::ScoreOutOfRange(9)))
    ));
    project
        .set_tags(
            id,
            &[
                "budget participatif".into(),
                " évaluation ".into(),
                "".into(),
            ],
        )
        .unwrap();
    let view = project.submissions(None).unwrap().remove(0);
    assert_eq!(view.reviews.len(), 2);
    assert_eq!(view.score, Some(3.5));
    assert_eq!(view.tags, ["budget participatif", "évaluation"]);
    let found = project
        .find_submissions(&Query {
            text: "relecture".into(),
            ..Query::default()
        })
        .unwrap();
    assert_eq!(found.len(), 1);
}

#[test]
fn hand_corrections_are_checked_and_listed() {
    let (_dir, mut project) = imported();
    let id = project.submissions(None).unwrap()[0].id;
    project
        .correct_submission(id, "actor_type", "association")
        .unwrap();
    let err = project
        .correct_submission(id, "format", "conférence")
        .unwrap_err();
    assert!(matches!(err, Error::Edit(EditError::BadValue { .. })));
    assert!(err.to_string().contains("conférence"));
    assert!(project.correct_submission(id, "status", "retenue").is_err());
    let view = project.submissions(None).unwrap().remove(0);
    assert_eq!(view.actor_type, "association");
    assert_eq!(view.corrected, ["actor_type"]);
}

#[test]
fn the_balance_counts_retained_contributions_against_targets() {
    let (_dir, mut project) = imported();
    let list = project.submissions(None).unwrap();
    let by_sid = |sid: &str| {
        list.iter()
            .find(|s| s.external_id.as_deref() == Some(sid))
            .unwrap()
            .id
    };
    // One public (101), two research (103, 104), one business (102), nothing associative.
    project
        .set_statuses(
            &[by_sid("101"), by_sid("102"), by_sid("103"), by_sid("104")],
            Status::Retenue,
        )
        .unwrap();
    let balance = project.balance().unwrap();
    assert_eq!(balance.retained, 4);
    let line = |a: &str| balance.actors.iter().find(|l| l.actor_type == a).unwrap();
    assert_eq!(line("recherche").count, 2);
    assert_eq!(line("recherche").share, 50.0);
    assert_eq!(line("association").count, 0);
    assert!(line("association").below_target);
    assert!(!line("recherche").below_target);
    assert_eq!(line("public").by_format.get("retour_experience"), Some(&1));
    assert_eq!(balance.by_axis[&1], 3);
    assert!(balance
        .warnings
        .iter()
        .any(|w| w.starts_with("Associations\u{a0}: 0\u{a0}%")));

    // The organisers lower the associations' target: no more warning for them.
    let mut targets = Targets::default();
    targets.0.insert("association".into(), 0.0);
    targets.0.insert("entreprise".into(), 20.0);
    project.set_balance_targets(&targets).unwrap();
    let balance = project.balance().unwrap();
    assert!(!balance
        .actors
        .iter()
        .any(|l| l.actor_type == "association" && l.below_target));
    assert_eq!(project.balance_targets().unwrap(), targets);
}

#[test]
fn every_review_edit_is_a_step_of_the_one_undo_history() {
    let (dir, mut project) = imported();
    let list = project.submissions(None).unwrap();
    let (a, b) = (list[0].id, list[1].id);
    let contact_email = list[0].contributors[0].email.clone();
    let original = project.submissions(None).unwrap();

    // A grid edit first, so that review steps interleave with the programme's.
    let session = project
        .add_session(journee::programme::NewSession {
            title: "Atelier".into(),
            kind: journee::model::SessionKind::Atelier,
            language: "fr".into(),
            expected_audience: Some(10),
            description: String::new(),
            contributions: vec![],
        })
        .unwrap();
    project.set_statuses(&[a, b], Status::Retenue).unwrap();
    project.review(a, "Camille", Some(4), "Solide").unwrap();
    project
        .set_tags(a, &["budget".into(), "outil".into()])
        .unwrap();
    project
        .correct_submission(a, "title", "Titre corrigé")
        .unwrap();
    project
        .correct_submission(a, "email", "nouvelle@example.org")
        .unwrap();
    let edited = project.submissions(None).unwrap();
    let (undo, _) = project.history().unwrap();
    assert_eq!(
        undo.as_deref(),
        Some("Correction du contact de «\u{a0}Titre corrigé\u{a0}»")
    );

    // Undone one by one, each label says what goes back, newest first.
    let mut labels = Vec::new();
    for _ in 0..5 {
        labels.push(project.undo().unwrap());
    }
    assert_eq!(
        labels,
        [
            "Correction du contact de «\u{a0}Titre corrigé\u{a0}»".to_string(),
            format!("Correction de «\u{a0}{}\u{a0}»", original[0].title),
            format!("Étiquettes de «\u{a0}{}\u{a0}»", original[0].title),
            format!("Avis de Camille sur «\u{a0}{}\u{a0}»", original[0].title),
            "Statut «\u{a0}retenue\u{a0}» de 2\u{a0}contributions".into(),
        ]
    );
    // Everything about the submissions is as before, and the session still there.
    assert_eq!(project.submissions(None).unwrap(), original);
    assert!(project.session(session).is_ok());
    assert_eq!(
        project.submissions(None).unwrap()[0].contributors[0].email,
        contact_email
    );

    // Redone, it all comes back; and the history survives closing the file.
    for _ in 0..5 {
        project.redo().unwrap();
    }
    assert_eq!(project.submissions(None).unwrap(), edited);
    drop(project);
    let mut project = Project::open(&dir.path().join("p.journee")).unwrap();
    project.undo().unwrap();
    let view = project.submissions(None).unwrap();
    assert_eq!(view[0].contributors[0].email, contact_email);
    assert_eq!(view[0].title, "Titre corrigé");
    // A step that changes nothing is no step.
    let (before, _) = project.history().unwrap();
    project
        .set_tags(a, &["outil".into(), "budget".into()])
        .unwrap();
    assert_eq!(project.history().unwrap().0, before);
}
