//! What the grid was last sent, to answer each edit with only what changed: the sessions
//! that differ, those gone, the warnings that appeared (keyed, so that the same warning
//! keeps its name from one answer to the next) and the keys of those that went away. A
//! drop on a grid of 300 sessions must repaint within a frame (bench/grid): unchanged
//! sessions are neither sent nor redrawn.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use serde::Serialize;
use ts_rs::TS;

use super::{SessionView, Warning};

/// A warning with a key that names it across answers (the same warning, the same key).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct KeyedWarning {
    pub key: String,
    /// Its place in the whole list as the core orders it, in this answer: the screen puts
    /// a warning that appears there, and keeps no order of its own.
    pub position: usize,
    #[serde(flatten)]
    #[ts(flatten)]
    pub warning: Warning,
}

/// What changed since the last answer (everything, for a complete one).
#[derive(Debug, Default, PartialEq)]
pub struct Changes {
    /// Sessions new or different, in the order given.
    pub sessions: Vec<SessionView>,
    /// Sessions gone.
    pub removed: Vec<i64>,
    /// Warnings that appeared, in the core's order.
    pub warnings: Vec<KeyedWarning>,
    /// The keys of the warnings that went away.
    pub warnings_removed: Vec<String>,
}

/// What the screen holds, as far as the core knows: the sessions and warning keys sent.
#[derive(Default)]
pub struct Sent {
    sessions: HashMap<i64, SessionView>,
    warnings: HashSet<String>,
}

impl Sent {
    /// The changes from what was sent to `sessions` and `warnings` (the whole programme
    /// now), remembered as sent. `complete` forgets what was sent first: the screen is
    /// given everything (it starts, or it lost track).
    pub fn changes(
        &mut self,
        sessions: Vec<SessionView>,
        warnings: Vec<Warning>,
        complete: bool,
    ) -> Changes {
        if complete {
            *self = Sent::default();
        }
        let warnings = keyed(warnings);
        let ids: HashSet<i64> = sessions.iter().map(|s| s.id).collect();
        let mut removed: Vec<i64> = self
            .sessions
            .keys()
            .copied()
            .filter(|id| !ids.contains(id))
            .collect();
        removed.sort_unstable();
        let changed: Vec<SessionView> = sessions
            .into_iter()
            .filter(|s| self.sessions.get(&s.id) != Some(s))
            .collect();
        for id in &removed {
            self.sessions.remove(id);
        }
        for session in &changed {
            self.sessions.insert(session.id, session.clone());
        }
        let keys: HashSet<&str> = warnings.iter().map(|w| w.key.as_str()).collect();
        let mut warnings_removed: Vec<String> = self
            .warnings
            .iter()
            .filter(|k| !keys.contains(k.as_str()))
            .cloned()
            .collect();
        warnings_removed.sort_unstable();
        let appeared: Vec<KeyedWarning> = warnings
            .into_iter()
            .filter(|w| !self.warnings.contains(&w.key))
            .collect();
        for key in &warnings_removed {
            self.warnings.remove(key);
        }
        for warning in &appeared {
            self.warnings.insert(warning.key.clone());
        }
        Changes {
            sessions: changed,
            removed,
            warnings: appeared,
            warnings_removed,
        }
    }
}

/// Keys from the warnings' content; a warning given twice gets its rank in the second.
fn keyed(warnings: Vec<Warning>) -> Vec<KeyedWarning> {
    let mut seen: HashMap<u64, usize> = HashMap::new();
    warnings
        .into_iter()
        .enumerate()
        .map(|(index, warning)| {
            let mut hasher = std::hash::DefaultHasher::new();
            warning.hash(&mut hasher);
            let hash = hasher.finish();
            let rank = seen.entry(hash).or_default();
            *rank += 1;
            KeyedWarning {
                key: format!("{hash:016x}-{rank}"),
                position: index,
                warning,
            }
        })
        .collect()
}
