//! Who sits at which centrifugeuse table: a pure function over the tables and the people
//! available. The rules, as the organisers put them: no peer from the project holder's
//! organisation, no two people of one organisation at a table, no kind of actor on more
//! than 2 of the 4 peer seats, people with accessibility needs at the accessible table.
//! A greedy placement, then seat swaps while any swap makes things better; both in a
//! fixed order, so that the same project gives the same plan.

use crate::model::table::PEERS;
use crate::model::ActorType;

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub person_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub organisation: String,
    pub actor_type: ActorType,
    pub accessibility: bool,
}

impl Candidate {
    pub fn name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
            .trim()
            .to_string()
    }

    fn organisation_key(&self) -> Option<String> {
        let key = deunicode::deunicode(self.organisation.trim()).to_lowercase();
        (!key.is_empty()).then_some(key)
    }
}

/// A table before peers are assigned.
#[derive(Debug, Clone, PartialEq)]
pub struct TableSpec {
    pub number: i64,
    pub holders: Vec<Candidate>,
    pub accessible: bool,
    /// Peers the organisers placed by hand: they stay.
    pub pinned: Vec<Candidate>,
}

/// A rule a table breaks, and why it could not be helped.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct Broken {
    pub table: Option<i64>,
    /// holder_organisation, same_organisation, actor_type, accessibility, empty_seats,
    /// unseated.
    pub rule: &'static str,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// Per table, in the order of the specs: the peers, pinned ones first.
    pub peers: Vec<Vec<Candidate>>,
    /// Available people left without a seat.
    pub unseated: Vec<Candidate>,
    pub broken: Vec<Broken>,
}

/// The four kinds of actors the balance counts ("autre" is not one).
const KINDS: [ActorType; 4] = [
    ActorType::Public,
    ActorType::Entreprise,
    ActorType::Association,
    ActorType::Recherche,
];

const HOLDER_ORG: i64 = 100;
const SAME_ORG: i64 = 50;
const ACTOR_TYPE: i64 = 30;
const ACCESS: i64 = 200;

/// What a table costs: the sum of its broken rules, weighted.
fn cost(spec: &TableSpec, peers: &[&Candidate]) -> i64 {
    let holder_orgs: Vec<String> = spec
        .holders
        .iter()
        .filter_map(Candidate::organisation_key)
        .collect();
    let mut total = 0;
    let mut orgs: Vec<String> = holder_orgs.clone();
    for p in peers {
        if let Some(org) = p.organisation_key() {
            if holder_orgs.contains(&org) {
                total += HOLDER_ORG;
            } else if orgs.contains(&org) {
                total += SAME_ORG;
            }
            orgs.push(org);
        }
        if p.accessibility && !spec.accessible {
            total += ACCESS;
        }
    }
    for kind in KINDS {
        let n = peers.iter().filter(|p| p.actor_type == kind).count();
        total += ACTOR_TYPE * n.saturating_sub(2) as i64;
    }
    total
}

pub fn assign(specs: &[TableSpec], pool: &[Candidate]) -> Assignment {
    // seats[t]: indices into `pool` of the peers assigned at table t.
    let mut seats: Vec<Vec<usize>> = vec![Vec::new(); specs.len()];
    let free = |t: usize, seats: &Vec<Vec<usize>>| {
        PEERS.saturating_sub(specs[t].pinned.len() + seats[t].len())
    };
    let peers_at = |t: usize, seats: &Vec<Vec<usize>>, extra: Option<usize>| -> i64 {
        let mut list: Vec<&Candidate> = specs[t].pinned.iter().collect();
        list.extend(seats[t].iter().map(|&i| &pool[i]));
        if let Some(i) = extra {
            list.push(&pool[i]);
        }
        cost(&specs[t], &list)
    };

    // Greedy: the most constrained people first (accessibility needs, then people of
    // organisations many others share), each to the table where they cost least.
    let mut order: Vec<usize> = (0..pool.len()).collect();
    let shared = |i: usize| {
        pool.iter()
            .filter(|p| {
                p.organisation_key().is_some() && p.organisation_key() == pool[i].organisation_key()
            })
            .count()
    };
    order.sort_by_key(|&i| (!pool[i].accessibility, std::cmp::Reverse(shared(i)), i));
    let mut unseated = Vec::new();
    for i in order {
        let best = (0..specs.len())
            .filter(|&t| free(t, &seats) > 0)
            .min_by_key(|&t| {
                (
                    peers_at(t, &seats, Some(i)) - peers_at(t, &seats, None),
                    seats[t].len(),
                    t,
                )
            });
        match best {
            Some(t) => seats[t].push(i),
            None => unseated.push(i),
        }
    }

    // Swaps: between two tables, or with someone left without a seat, while any swap
    // lowers the total. Each pass is in a fixed order; the total only goes down, so it ends.
    loop {
        let mut improved = false;
        for a in 0..specs.len() {
            for ia in 0..seats[a].len() {
                for b in a + 1..specs.len() {
                    for ib in 0..seats[b].len() {
                        let before = peers_at(a, &seats, None) + peers_at(b, &seats, None);
                        let (pa, pb) = (seats[a][ia], seats[b][ib]);
                        seats[a][ia] = pb;
                        seats[b][ib] = pa;
                        if peers_at(a, &seats, None) + peers_at(b, &seats, None) < before {
                            improved = true;
                        } else {
                            seats[a][ia] = pa;
                            seats[b][ib] = pb;
                        }
                    }
                }
                for waiting in unseated.iter_mut() {
                    let before = peers_at(a, &seats, None);
                    let seated = seats[a][ia];
                    seats[a][ia] = *waiting;
                    if peers_at(a, &seats, None) < before {
                        *waiting = seated;
                        improved = true;
                    } else {
                        seats[a][ia] = seated;
                    }
                }
            }
        }
        if !improved {
            break;
        }
    }

    let peers: Vec<Vec<Candidate>> = specs
        .iter()
        .zip(&seats)
        .map(|(spec, chosen)| {
            let mut list = spec.pinned.clone();
            let mut mine: Vec<&Candidate> = chosen.iter().map(|&i| &pool[i]).collect();
            mine.sort_by(|x, y| (&x.last_name, &x.first_name).cmp(&(&y.last_name, &y.first_name)));
            list.extend(mine.into_iter().cloned());
            list
        })
        .collect();
    unseated.sort_unstable();
    let unseated: Vec<Candidate> = unseated.into_iter().map(|i| pool[i].clone()).collect();
    let broken = explain(specs, &peers, &unseated);
    Assignment {
        peers,
        unseated,
        broken,
    }
}

/// The rules a plan (stored, or moved by hand) breaks.
pub fn explain_plan(specs: &[TableSpec], peers: &[Vec<Candidate>]) -> Vec<Broken> {
    explain(specs, peers, &[])
}

const WHY: &str = "aucun échange de places ne l’évite avec les personnes disponibles";

fn explain(specs: &[TableSpec], peers: &[Vec<Candidate>], unseated: &[Candidate]) -> Vec<Broken> {
    let mut broken = Vec::new();
    for (spec, peers) in specs.iter().zip(peers) {
        let t = spec.number;
        let mut push = |rule: &'static str, message: String| {
            broken.push(Broken {
                table: Some(t),
                rule,
                message: format!("Table {t}\u{a0}: {message}"),
            })
        };
        let holder_orgs: Vec<String> = spec
            .holders
            .iter()
            .filter_map(Candidate::organisation_key)
            .collect();
        let mut seen: Vec<(String, String)> = spec
            .holders
            .iter()
            .filter_map(|h| h.organisation_key().map(|k| (k, h.name())))
            .collect();
        for p in peers {
            if let Some(org) = p.organisation_key() {
                if holder_orgs.contains(&org) {
                    push(
                        "holder_organisation",
                        format!(
                            "{} vient de la même organisation que le porteur de projet ({})\u{a0}; {WHY}.",
                            p.name(),
                            p.organisation
                        ),
                    );
                } else if let Some((_, other)) = seen.iter().find(|(k, _)| *k == org) {
                    push(
                        "same_organisation",
                        format!(
                            "{} et {} sont tous deux de {}\u{a0}; {WHY}.",
                            other,
                            p.name(),
                            p.organisation
                        ),
                    );
                }
                seen.push((org, p.name()));
            }
            if p.accessibility && !spec.accessible {
                push(
                    "accessibility",
                    format!(
                        "{} a des besoins d’accessibilité mais n’est pas à la table accessible (elle est complète)\u{a0}; {WHY}.",
                        p.name()
                    ),
                );
            }
        }
        for kind in KINDS {
            let n = peers.iter().filter(|p| p.actor_type == kind).count();
            if n > 2 {
                push(
                    "actor_type",
                    format!(
                        "{n} pairs sur {PEERS} sont du type «\u{a0}{}\u{a0}» (2 au plus)\u{a0}; {WHY}.",
                        kind.code()
                    ),
                );
            }
        }
        if peers.len() < PEERS {
            push(
                "empty_seats",
                format!(
                    "{} place{} de pair sur {PEERS} reste{} libre{}, faute de participant·es ayant demandé une centrifugeuse.",
                    PEERS - peers.len(),
                    if PEERS - peers.len() > 1 { "s" } else { "" },
                    if PEERS - peers.len() > 1 { "nt" } else { "" },
                    if PEERS - peers.len() > 1 { "s" } else { "" },
                ),
            );
        }
    }
    if !unseated.is_empty() {
        broken.push(Broken {
            table: None,
            rule: "unseated",
            message: format!(
                "{} personne{} ayant demandé une centrifugeuse n'{} pas de place dans cette session (tables complètes).",
                unseated.len(),
                if unseated.len() > 1 { "s" } else { "" },
                if unseated.len() > 1 { "ont" } else { "a" },
            ),
        });
    }
    broken
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: i64, org: &str, kind: ActorType) -> Candidate {
        Candidate {
            person_id: id,
            first_name: format!("P{id}"),
            last_name: format!("N{id:03}"),
            organisation: org.into(),
            actor_type: kind,
            accessibility: false,
        }
    }

    fn table(number: i64, holder_org: &str) -> TableSpec {
        TableSpec {
            number,
            holders: vec![person(1000 + number, holder_org, ActorType::Public)],
            accessible: number == 1,
            pinned: Vec::new(),
        }
    }

    use ActorType::*;

    #[test]
    fn every_rule_holds_when_the_people_allow_it() {
        let specs = [table(1, "Ville A"), table(2, "Start-up B")];
        // Two people of Ville A (one too many: one of them waits), two of one association,
        // a mix of kinds.
        let pool = vec![
            person(1, "Ville A", Public),
            person(2, "Ville A", Public),
            person(3, "Asso C", Association),
            person(4, "Asso C", Association),
            person(5, "Labo D", Recherche),
            person(6, "Labo E", Recherche),
            person(7, "Boîte F", Entreprise),
            person(8, "Mairie G", Public),
            person(9, "Asso H", Association),
        ];
        let a = assign(&specs, &pool);
        let rules: Vec<&str> = a.broken.iter().map(|b| b.rule).collect();
        assert_eq!(rules, ["unseated"], "{:#?}", a.broken);
        assert_eq!(a.unseated.len(), 1);
        assert_eq!(a.unseated[0].organisation, "Ville A");
        // Nobody of Ville A at the table of Ville A's project.
        assert!(a.peers[0].iter().all(|p| p.organisation != "Ville A"));
        // The two of Asso C apart.
        let at = |id: i64| {
            a.peers
                .iter()
                .position(|t| t.iter().any(|p| p.person_id == id))
        };
        assert_ne!(at(3), at(4));
        // Same input, same plan.
        assert_eq!(assign(&specs, &pool), a);
    }

    #[test]
    fn accessibility_needs_go_to_the_accessible_table() {
        let specs = [table(1, "X"), table(2, "Y")];
        let mut pool: Vec<Candidate> = (1..=8)
            .map(|i| {
                person(
                    i,
                    &format!("Org {i}"),
                    [Public, Entreprise, Association, Recherche][i as usize % 4],
                )
            })
            .collect();
        pool[6].accessibility = true;
        let a = assign(&specs, &pool);
        assert!(a.peers[0].iter().any(|p| p.person_id == 7), "{:?}", a.peers);
        assert!(a.broken.is_empty(), "{:#?}", a.broken);
    }

    #[test]
    fn rules_that_cannot_hold_are_named_with_the_reason() {
        let specs = [table(1, "Ville A")];
        // Five people of Ville A, all public actors: no plan can follow the rules.
        let pool: Vec<Candidate> = (1..=5).map(|i| person(i, "Ville A", Public)).collect();
        let a = assign(&specs, &pool);
        assert_eq!(a.peers[0].len(), 4);
        assert_eq!(a.unseated.len(), 1);
        let rules: Vec<&str> = a.broken.iter().map(|b| b.rule).collect();
        assert!(rules.contains(&"holder_organisation"));
        assert!(rules.contains(&"actor_type"));
        assert!(rules.contains(&"unseated"));
        let message = &a
            .broken
            .iter()
            .find(|b| b.rule == "actor_type")
            .unwrap()
            .message;
        assert!(
            message.starts_with("Table 1\u{a0}: 4 pairs sur 4"),
            "{message}"
        );
        assert!(message.contains("aucun échange"), "{message}");
    }

    #[test]
    fn pinned_peers_stay_and_short_tables_are_reported() {
        let mut specs = [table(1, "X"), table(2, "Y")];
        specs[1].pinned = vec![person(50, "X", Entreprise)];
        let pool = vec![person(1, "A", Public), person(2, "B", Association)];
        let a = assign(&specs, &pool);
        assert_eq!(a.peers[1][0].person_id, 50, "pinned first and kept");
        let empty: Vec<_> = a
            .broken
            .iter()
            .filter(|b| b.rule == "empty_seats")
            .collect();
        assert_eq!(empty.len(), 2, "{:#?}", a.broken);
    }
}
