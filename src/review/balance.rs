//! The balance of the retained contributions across the four kinds of actors the call
//! wants represented, by format and by axis, against the organisers' target shares.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::store;
use crate::Project;

pub const ACTOR_TYPES: [&str; 4] = ["public", "entreprise", "association", "recherche"];
const FORMATS: [&str; 5] = [
    "recherche",
    "retour_experience",
    "pitch",
    "centrifugeuse",
    "inconnu",
];
const TARGETS_KEY: &str = "balance.targets";

/// Target share of the retained contributions for each kind of actor, in percent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Targets(pub BTreeMap<String, f64>);

impl Default for Targets {
    fn default() -> Targets {
        Targets(ACTOR_TYPES.iter().map(|a| (a.to_string(), 25.0)).collect())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ActorLine {
    pub actor_type: String,
    pub count: usize,
    /// Share of all retained contributions, in percent.
    pub share: f64,
    pub target: f64,
    /// Retained by format code.
    pub by_format: BTreeMap<String, usize>,
    /// True when the share is under the target: a kind of actor is missing.
    pub below_target: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Balance {
    pub retained: usize,
    pub actors: Vec<ActorLine>,
    /// Retained contributions whose kind of actor is unknown ("autre").
    pub unknown_actor: usize,
    /// Retained by axis (1 to 4).
    pub by_axis: BTreeMap<u8, usize>,
    /// French sentences, one per kind of actor under its target.
    pub warnings: Vec<String>,
}

impl Project {
    pub fn balance_targets(&self) -> Result<Targets> {
        let stored = store::read_setting(&self.conn, TARGETS_KEY)?;
        Ok(stored
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default())
    }

    pub fn set_balance_targets(&mut self, targets: &Targets) -> Result<()> {
        let tx = self.begin()?;
        store::write_setting(
            &tx,
            TARGETS_KEY,
            &serde_json::to_string(targets).expect("targets serialise"),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The balance of the retained contributions, now.
    pub fn balance(&self) -> Result<Balance> {
        let targets = self.balance_targets()?;
        let retained: Vec<_> = self
            .submissions(Some(crate::model::Status::Retenue))?
            .into_iter()
            .filter(|s| s.duplicate_of.is_none())
            .collect();
        let total = retained.len();
        let mut actors = Vec::new();
        let mut warnings = Vec::new();
        for actor in ACTOR_TYPES {
            let mine: Vec<_> = retained.iter().filter(|s| s.actor_type == actor).collect();
            let share = if total == 0 {
                0.0
            } else {
                100.0 * mine.len() as f64 / total as f64
            };
            let target = targets.0.get(actor).copied().unwrap_or(25.0);
            let by_format = FORMATS
                .iter()
                .map(|f| {
                    (
                        f.to_string(),
                        mine.iter().filter(|s| s.format == *f).count(),
                    )
                })
                .filter(|(_, n)| *n > 0)
                .collect();
            let below_target = total > 0 && share + 0.05 < target;
            if below_target {
                warnings.push(format!(
                    "{}\u{a0}: {:.0}\u{a0}% des contributions retenues ({} sur {}), pour un objectif de {:.0}\u{a0}%.",
                    actor_label(actor),
                    share,
                    mine.len(),
                    total,
                    target
                ));
            }
            actors.push(ActorLine {
                actor_type: actor.to_string(),
                count: mine.len(),
                share,
                target,
                by_format,
                below_target,
            });
        }
        let mut by_axis = BTreeMap::new();
        for axis in 1..=4u8 {
            by_axis.insert(
                axis,
                retained.iter().filter(|s| s.axes.contains(&axis)).count(),
            );
        }
        Ok(Balance {
            retained: total,
            unknown_actor: retained.iter().filter(|s| s.actor_type == "autre").count(),
            actors,
            by_axis,
            warnings,
        })
    }
}

/// « Associations », capitalised, from the one list of names.
fn actor_label(code: &str) -> String {
    let name = crate::model::ActorType::parse(code).map_or("autres", |a| a.plural_fr());
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}
