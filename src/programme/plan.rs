//! « Proposer un programme »: where every session could go, found by a local search over
//! the grid and scored by the warnings' own rules (`rules::check`), so that a proposal
//! never disagrees with the warnings panel.
//!
//! Hard rules are never broken for a session the search places: a room too small for the
//! audience (entered, or estimated from the registrations), a room of the wrong kind, a
//! person in two places at once, two sessions in one cell; and a pinned session stays
//! where it is (in the tray, if it is pinned there). Among proposals that keep
//! them, the fewest sessions left out, then the lightest warnings, then the fewest
//! sessions moved from where they are now. A session that fits nowhere stays in the tray
//! with the reason, in French.
//!
//! The search: the sessions to place are put one by one where they cost least, the most
//! constrained first; then hill climbing moves and swaps sessions (or sends one to the
//! tray), taking every step that costs no more than now, until a number of steps passes
//! without a better day. Steps are drawn from a seeded generator and counted, not timed:
//! the same seed gives the same proposal. A time limit stops it early on a slow machine.
//! Why this engine and not a solver: README.md; its figures against an exact solver:
//! bench/README.md.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::{Duration, Instant};

use rustc_hash::FxHashMap;
use serde::Serialize;
use ts_rs::TS;

use super::estimate::Basis;
use super::rules::{self, Warning};
use crate::common::Severity;
use crate::model::{Cell, Room, SessionKind, SessionView, Slot, SlotKind};

/// What to propose, and how long to look.
#[derive(Debug, Clone)]
pub struct PlanOptions {
    /// Place only the sessions in the tray; those on the grid stay where they are.
    pub only_unplaced: bool,
    pub seed: u64,
    /// Steps of the search after the first placing, at most.
    pub steps: usize,
    /// Steps without a better day after which the search stops, at most: fewer when
    /// few sessions need a place or break a hard rule (`PATIENCE_PER_SESSION` each).
    pub patience: usize,
    /// Stops the search earlier, whatever the steps left.
    pub time_limit: Duration,
}

impl Default for PlanOptions {
    fn default() -> PlanOptions {
        PlanOptions {
            only_unplaced: false,
            seed: 1,
            steps: 200_000,
            patience: 30_000,
            time_limit: Duration::from_millis(900),
        }
    }
}

/// A session in a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Placement {
    pub session: i64,
    pub room: i64,
    pub slot: i64,
}

/// A session the proposal moves: from its cell (or the tray) to another (or the tray).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Move {
    pub session: i64,
    pub title: String,
    pub from: Option<Cell>,
    pub to: Option<Cell>,
    /// « Salle Lamartine, 10:00–11:30 » (the date too when the event has several days);
    /// none for the tray.
    pub from_label: Option<String>,
    pub to_label: Option<String>,
}

/// The cost of a programme: lower is better. Hard rules broken weigh more than anything
/// else, then sessions left in the tray, then the warnings by severity, then moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
pub struct Cost {
    pub hard: usize,
    pub unplaced: usize,
    /// The warnings' weights, and the moves'.
    pub soft: i64,
    /// The warnings' weights alone.
    pub warnings: i64,
    pub moves: usize,
    /// The four as one number, for a report: each part outweighs all those after it on
    /// any real day.
    pub total: i64,
}

impl Cost {
    fn new(hard: usize, unplaced: usize, warnings: i64, moves: usize) -> Cost {
        let soft = warnings + MOVE * moves as i64;
        Cost {
            hard,
            unplaced,
            soft,
            warnings,
            moves,
            total: hard as i64 * 1_000_000_000
                + unplaced as i64 * 1_000_000
                + soft * 10
                + moves as i64,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Score {
    pub before: Cost,
    pub after: Cost,
}

/// A session no cell can take without breaking a hard rule, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Unplaceable {
    pub session: i64,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Proposal {
    /// Every session on the grid once the proposal is applied.
    pub placements: Vec<Placement>,
    pub moved: Vec<Move>,
    pub score: Score,
    /// The warnings that remain, as the panel would show them.
    pub warnings: Vec<Warning>,
    pub unplaceable: Vec<Unplaceable>,
    /// Steps the search took (fewer than asked when the time limit came first).
    pub steps: usize,
    /// `Day::fingerprint` of the day it was made from.
    #[serde(skip)]
    #[ts(skip)]
    pub made_from: u64,
}

/// What the search works on: the day, the sessions and what the rules need besides.
#[derive(Debug, Clone)]
pub struct Day {
    pub rooms: Vec<Room>,
    pub slots: Vec<Slot>,
    pub sessions: Vec<SessionView>,
    pub unscheduled: Vec<(i64, String)>,
    pub seated: Vec<(i64, i64, usize)>,
    /// Registrants whose wishes name each kind (`estimate::count_wishes`).
    pub wishes: HashMap<SessionKind, i64>,
}

impl Day {
    /// A digest of everything a proposal depends on: a proposal is applied only to the
    /// day it was made from, not to one another writer has changed since.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut wishes: Vec<(&str, i64)> =
            self.wishes.iter().map(|(k, n)| (k.code(), *n)).collect();
        wishes.sort();
        let json = serde_json::to_string(&(
            &self.rooms,
            &self.slots,
            &self.sessions,
            &self.unscheduled,
            &self.seated,
            &wishes,
        ))
        .unwrap_or_default();
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        json.hash(&mut hasher);
        hasher.finish()
    }
}

/// A weight per warning the search cannot help breaking less: errors outweigh warnings,
/// which outweigh notes.
fn weight(severity: Severity) -> i64 {
    match severity {
        Severity::Error => 1_000,
        Severity::Warning => 30,
        Severity::Info => 1,
    }
}

/// Steps without a better day the search allows per session to mend (in the tray, or
/// breaking a hard rule), and in any case.
const PATIENCE_PER_SESSION: usize = 500;
const PATIENCE_MIN: usize = 2_000;

/// The annealing's steps times the sessions it moves: a step costs more on a larger day,
/// which the climbing alone already solves (bench/README.md), so fewer steps there.
const ANNEAL_WORK: usize = 4_000_000;
/// The annealing's first temperature, in the warnings' weights (a note is 1).
const ANNEAL_START: f64 = 1.5;

/// What moving a session away from its cell costs: less than a warning it takes away,
/// more than a note (the organisers chose that cell for reasons the rules do not know).
const MOVE: i64 = 20;

/// Whether a warning is about a rule the proposal must never break.
fn is_hard(w: &Warning) -> bool {
    match w.code {
        "person_clash" | "room_clash" | "room_kind" => true,
        // A contribution not retained, printed on the programme and the badges once its
        // session is placed: an error the proposal must not make.
        "contribution_not_retained" => w.severity == Severity::Error,
        // Over capacity, entered or estimated; « near » (info) is only worth knowing.
        "capacity" => w.severity != Severity::Info,
        _ => false,
    }
}

/// A share of the cost, as the search adds and takes it away: hard rules broken, sessions
/// left out, the warnings' weights.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Part {
    hard: i64,
    unplaced: i64,
    warnings: i64,
}

impl std::ops::Add for Part {
    type Output = Part;
    fn add(self, o: Part) -> Part {
        Part {
            hard: self.hard + o.hard,
            unplaced: self.unplaced + o.unplaced,
            warnings: self.warnings + o.warnings,
        }
    }
}

impl std::ops::Sub for Part {
    type Output = Part;
    fn sub(self, o: Part) -> Part {
        Part {
            hard: self.hard - o.hard,
            unplaced: self.unplaced - o.unplaced,
            warnings: self.warnings - o.warnings,
        }
    }
}

impl Part {
    fn of(warnings: &[Warning]) -> Part {
        let mut part = Part::default();
        for w in warnings {
            if is_hard(w) {
                part.hard += 1;
            } else if w.code == "unplaced" && !w.sessions.is_empty() {
                part.unplaced += 1;
            } else {
                part.warnings += weight(w.severity);
            }
        }
        part
    }

    fn with_moves(self, moves: i64) -> Cost {
        Cost::new(
            self.hard.max(0) as usize,
            self.unplaced.max(0) as usize,
            self.warnings,
            moves.max(0) as usize,
        )
    }
}

/// A move tried: how to undo it, and what the day would cost after it.
struct Trial {
    undo: Vec<(usize, Option<Cell>)>,
    /// The new share of each time the move touches.
    parts: Vec<(usize, Part)>,
    part: Part,
    moves: i64,
    cost: Cost,
}

/// The search keeps the cost of the day as the sum of independent shares: one per time
/// (slots that overlap one another, usually one slot) for the sessions placed there, and
/// one per session in the tray. Every rule that depends on where sessions are looks at one
/// session or at sessions at the same time, so a move is weighed by the one or two times
/// it touches instead of the whole day. The rules that do not depend on placement
/// (a contribution in two sessions, the unscheduled contributions) are left out of the
/// shares: they cost the same whatever the search does, and the reported cost is the full
/// one.
struct Search {
    day: Day,
    index: rules::Index,
    capacities: HashMap<i64, i64>,
    /// For each slot, the slots that overlap it (itself included).
    overlapping: FxHashMap<i64, Vec<i64>>,
    /// For each slot, its time: the slots linked to it by overlaps.
    time_of: FxHashMap<i64, usize>,
    cells: Vec<Cell>,
    /// For each session, the cells whose room suits it: its kind, and an entered audience
    /// within its seats. The search draws among them only.
    suited: Vec<Vec<Cell>>,
    start: Vec<Option<Cell>>,
    movable: Vec<bool>,
    /// What each session costs when it is in the tray.
    tray: Vec<Part>,
    /// What the sessions placed at each time cost.
    times: Vec<Part>,
    /// The sum of the shares, and the sessions moved from where they started.
    part: Part,
    moves: i64,
}

impl Search {
    fn new(day: Day, only_unplaced: bool) -> Search {
        let cells = day
            .slots
            .iter()
            .filter(|s| s.kind == SlotKind::Session)
            .flat_map(|s| {
                day.rooms.iter().map(|r| Cell {
                    room_id: r.id,
                    slot_id: s.id,
                })
            })
            .collect();
        let start: Vec<Option<Cell>> = day.sessions.iter().map(|s| s.placement).collect();
        let movable = day
            .sessions
            .iter()
            .map(|s| !s.pinned && (!only_unplaced || s.placement.is_none()))
            .collect();
        let overlapping: FxHashMap<i64, Vec<i64>> = day
            .slots
            .iter()
            .map(|a| {
                let with = day
                    .slots
                    .iter()
                    .filter(|b| a.id == b.id || rules::overlap(a, b))
                    .map(|b| b.id)
                    .collect();
                (a.id, with)
            })
            .collect();
        // Times: the slots joined by overlaps, each slot with the lowest-numbered one it
        // reaches.
        let mut time_of: FxHashMap<i64, usize> = FxHashMap::default();
        let mut times = 0;
        for slot in &day.slots {
            if time_of.contains_key(&slot.id) {
                continue;
            }
            let mut stack = vec![slot.id];
            while let Some(id) = stack.pop() {
                if time_of.insert(id, times).is_none() {
                    stack.extend(overlapping.get(&id).into_iter().flatten().copied());
                }
            }
            times += 1;
        }
        let index = rules::Index::new(&rules::Programme {
            rooms: &day.rooms,
            slots: &day.slots,
            sessions: &day.sessions,
            unscheduled: &day.unscheduled,
            seated: &day.seated,
        });
        let mut search = Search {
            index,
            capacities: day.rooms.iter().map(|r| (r.id, r.capacity)).collect(),
            overlapping,
            time_of,
            day,
            cells,
            suited: vec![],
            start,
            movable,
            tray: vec![],
            times: vec![Part::default(); times],
            part: Part::default(),
            moves: 0,
        };
        search.suited = search
            .day
            .sessions
            .iter()
            .map(|s| {
                search
                    .cells
                    .iter()
                    .filter(|c| {
                        search.day.rooms.iter().any(|r| {
                            r.id == c.room_id
                                && rules::suits(s.kind, r.kind)
                                && s.expected_audience.is_none_or(|a| a <= r.capacity)
                        })
                    })
                    .copied()
                    .collect()
            })
            .collect();
        search.tray = (0..search.day.sessions.len())
            .map(|i| search.in_the_tray(i))
            .collect();
        search.recount();
        search
    }

    /// Works out every share again, from the placements as they are.
    fn recount(&mut self) {
        for t in 0..self.times.len() {
            self.times[t] = self.at(t);
        }
        let tray: Part = (0..self.day.sessions.len())
            .filter(|&i| self.day.sessions[i].placement.is_none())
            .map(|i| self.tray[i])
            .fold(Part::default(), |a, b| a + b);
        self.part = self.times.iter().fold(tray, |a, &b| a + b);
        self.moves = (0..self.day.sessions.len())
            .filter(|&i| self.moved(i, self.day.sessions[i].placement))
            .count() as i64;
    }

    fn moved(&self, i: usize, placement: Option<Cell>) -> bool {
        self.start[i].is_some() && placement != self.start[i]
    }

    fn programme(&self) -> rules::Programme<'_> {
        rules::Programme {
            rooms: &self.day.rooms,
            slots: &self.day.slots,
            sessions: &self.day.sessions,
            unscheduled: &[],
            seated: &self.day.seated,
        }
    }

    /// The estimate of session `i`'s audience where it is now (or none, when entered).
    fn estimate(&self, i: usize) -> Option<super::Estimate> {
        let s = &self.day.sessions[i];
        if s.expected_audience.is_some() {
            return None;
        }
        let basis = Basis {
            wishes: Cow::Borrowed(&self.day.wishes),
            capacities: Cow::Borrowed(&self.capacities),
            sessions: &self.day.sessions,
        };
        basis.estimate(s.id, s.kind, s.placement.as_ref())
    }

    /// The share of the rules that depend on placement (the counting mode leaves the
    /// others out).
    fn share(&self, of: &[usize]) -> Part {
        let warnings =
            rules::check_sessions(&self.programme(), &self.index, of, rules::Detail::Counts);
        Part::of(&warnings)
    }

    /// What session `i` costs in the tray.
    fn in_the_tray(&mut self, i: usize) -> Part {
        let placement = self.day.sessions[i].placement.take();
        self.day.sessions[i].estimate = self.estimate(i);
        let part = self.share(&[i]);
        self.day.sessions[i].placement = placement;
        part
    }

    /// What the sessions placed at time `t` cost, their audiences estimated for their
    /// neighbours there.
    fn at(&mut self, t: usize) -> Part {
        let here: Vec<usize> = (0..self.day.sessions.len())
            .filter(|&i| {
                self.day.sessions[i]
                    .placement
                    .is_some_and(|c| self.time_of.get(&c.slot_id) == Some(&t))
            })
            .collect();
        for &i in &here {
            self.day.sessions[i].estimate = self.estimate(i);
        }
        self.share(&here)
    }

    /// Weighs the day after a move already made on the placements (`undo` says what
    /// they were): the shares of the times it touches, the tray, the moves.
    fn weigh(&mut self, undo: Vec<(usize, Option<Cell>)>) -> Trial {
        let mut part = self.part;
        let mut moves = self.moves;
        let mut touched = BTreeSet::new();
        for &(k, old) in &undo {
            let new = self.day.sessions[k].placement;
            for cell in [old, new].into_iter().flatten() {
                if let Some(&t) = self.time_of.get(&cell.slot_id) {
                    touched.insert(t);
                }
            }
            if old.is_none() {
                part = part - self.tray[k];
            }
            if new.is_none() {
                part = part + self.tray[k];
            }
            moves += self.moved(k, new) as i64 - self.moved(k, old) as i64;
        }
        let mut parts = Vec::with_capacity(touched.len());
        for t in touched {
            let share = self.at(t);
            part = part - self.times[t] + share;
            parts.push((t, share));
        }
        Trial {
            undo,
            parts,
            part,
            moves,
            cost: part.with_moves(moves),
        }
    }

    fn keep(&mut self, trial: Trial) {
        for (t, share) in trial.parts {
            self.times[t] = share;
        }
        self.part = trial.part;
        self.moves = trial.moves;
    }

    fn revert(&mut self, trial: Trial) {
        for (k, placement) in trial.undo.into_iter().rev() {
            self.day.sessions[k].placement = placement;
        }
    }

    /// What the search minimises: the full cost but the rules it cannot change.
    fn now(&self) -> Cost {
        self.part.with_moves(self.moves)
    }

    /// The warnings of the sessions as they are placed now, audiences estimated again
    /// for the new neighbours as the grid does.
    fn warnings(&mut self) -> Vec<Warning> {
        for i in 0..self.day.sessions.len() {
            self.day.sessions[i].estimate = self.estimate(i);
        }
        rules::check(&rules::Programme {
            rooms: &self.day.rooms,
            slots: &self.day.slots,
            sessions: &self.day.sessions,
            unscheduled: &self.day.unscheduled,
            seated: &self.day.seated,
        })
    }

    /// The full cost, every rule evaluated, and the warnings it comes from: what the
    /// proposal reports.
    fn cost(&mut self) -> (Cost, Vec<Warning>) {
        let warnings = self.warnings();
        let moves = (0..self.day.sessions.len())
            .filter(|&i| self.moved(i, self.day.sessions[i].placement))
            .count() as i64;
        (Part::of(&warnings).with_moves(moves), warnings)
    }

    /// Whether session `i` could be in `cell` without breaking a hard rule that can be
    /// seen without the others' estimates: the room's kind, an entered audience over its
    /// seats, someone of the session already in a session at that time. A quick test that
    /// spares the full evaluation of the cells that cannot do.
    fn may_host(&self, i: usize, cell: Cell) -> bool {
        let session = &self.day.sessions[i];
        let Some(room) = self.day.rooms.iter().find(|r| r.id == cell.room_id) else {
            return false;
        };
        if !rules::suits(session.kind, room.kind) {
            return false;
        }
        if session.expected_audience.is_some_and(|a| a > room.capacity) {
            return false;
        }
        let Some(at_once) = self.overlapping.get(&cell.slot_id) else {
            return false;
        };
        let people = &self.index.people;
        !self.day.sessions.iter().enumerate().any(|(j, other)| {
            j != i
                && other
                    .placement
                    .is_some_and(|c| c != cell && at_once.contains(&c.slot_id))
                && rules::common(&people[i], &people[j]).next().is_some()
        })
    }

    /// An empty cell where session `i` may go, drawn at random.
    fn free_cell(&self, i: usize, rng: &mut fastrand::Rng) -> Option<Cell> {
        let free: Vec<Cell> = self.suited[i]
            .iter()
            .copied()
            .filter(|&c| self.occupant(c).is_none() && self.may_host(i, c))
            .collect();
        (!free.is_empty()).then(|| free[rng.usize(..free.len())])
    }

    fn occupant(&self, cell: Cell) -> Option<usize> {
        self.day
            .sessions
            .iter()
            .position(|s| s.placement == Some(cell))
    }

    /// Places the sessions of the tray one by one in the empty cell where they cost least,
    /// the largest audiences and the most people first; one that only fits by breaking
    /// a hard rule stays in the tray. Past the time limit, a session takes the first cell
    /// that breaks no hard rule.
    fn place_the_tray(&mut self, began: Instant, limit: Duration) {
        let mut order: Vec<usize> = (0..self.day.sessions.len())
            .filter(|&i| self.movable[i] && self.day.sessions[i].placement.is_none())
            .collect();
        order.sort_by_key(|&i| {
            let s = &self.day.sessions[i];
            (
                std::cmp::Reverse(s.audience().unwrap_or(0)),
                std::cmp::Reverse(s.participants().count()),
                s.id,
            )
        });
        for i in order {
            let mut best: Option<(Cost, Cell)> = None;
            for c in 0..self.cells.len() {
                let cell = self.cells[c];
                if self.occupant(cell).is_some() || !self.may_host(i, cell) {
                    continue;
                }
                self.day.sessions[i].placement = Some(cell);
                let cost = self.weigh(vec![(i, None)]).cost;
                self.day.sessions[i].placement = None;
                // Lower than staying in the tray means no hard rule more.
                if cost < best.map_or_else(|| self.now(), |(b, _)| b) {
                    best = Some((cost, cell));
                }
                if best.is_some() && began.elapsed() >= limit {
                    break;
                }
            }
            if let Some((_, cell)) = best {
                self.day.sessions[i].placement = Some(cell);
                let trial = self.weigh(vec![(i, None)]);
                self.keep(trial);
            }
        }
    }

    /// Moves a session to a cell (or to the tray), swapping with its occupant; when the
    /// occupant cannot take the session's cell, it goes to an empty cell that suits it
    /// (a chain of three a swap cannot make: an English session into the one room with
    /// interpretation, whose occupant is too large for the room it leaves), else to the
    /// tray. Returns how to undo it. Sending to the tray lets a session that breaks a hard
    /// rule where it is leave, and one that blocks a better placing make way.
    fn apply(
        &mut self,
        i: usize,
        cell: Option<Cell>,
        rng: &mut fastrand::Rng,
    ) -> Option<Vec<(usize, Option<Cell>)>> {
        let from = self.day.sessions[i].placement;
        if from == cell {
            return None;
        }
        let Some(cell) = cell else {
            self.day.sessions[i].placement = None;
            return Some(vec![(i, from)]);
        };
        if !self.may_host(i, cell) {
            return None;
        }
        let mut undo = vec![(i, from)];
        if let Some(j) = self.occupant(cell) {
            if !self.movable[j] {
                return None;
            }
            undo.push((j, Some(cell)));
            self.day.sessions[j].placement = match from.filter(|&back| self.may_host(j, back)) {
                Some(back) => Some(back),
                None => self.free_cell(j, rng),
            };
        }
        self.day.sessions[i].placement = Some(cell);
        Some(undo)
    }

    /// Hill climbing that also takes the moves costing the same as now (to an empty cell
    /// at the same time, a swap of two alike sessions): on a grid most moves change
    /// nothing, and walking across them is what gets the search out of a local minimum.
    /// The first `anneal` steps also take a worse move now and then (simulated
    /// annealing): a note more at first one time in two, less and less often, a warning
    /// more practically never, a hard rule or a session left out never. It stops after
    /// `options.steps`, or `options.patience` steps without a better day once the
    /// annealing is over, or at the time limit; the best day seen is kept. (Late acceptance,
    /// restarts and moves aimed at warnings were measured against it: bench/README.md.)
    fn improve(&mut self, options: &PlanOptions, anneal: usize, began: Instant) -> usize {
        let movable: Vec<usize> = (0..self.day.sessions.len())
            .filter(|&i| self.movable[i])
            .collect();
        if movable.is_empty() || self.cells.is_empty() {
            return 0;
        }
        let mut rng = fastrand::Rng::with_seed(options.seed);
        let mut now = self.now();
        let mut best = (now, self.placements(), 0);
        let mut step = 0;
        while step < options.steps
            && (step < anneal || step - best.2 < options.patience)
            && began.elapsed() < options.time_limit
        {
            let i = movable[rng.usize(..movable.len())];
            // One draw in as many as there are cells for it sends the session to the tray.
            let suited = &self.suited[i];
            let cell = suited.get(rng.usize(..=suited.len())).copied();
            step += 1;
            let Some(undo) = self.apply(i, cell, &mut rng) else {
                continue;
            };
            let trial = self.weigh(undo);
            let taken = trial.cost <= now
                || (step < anneal
                    && (trial.cost.hard, trial.cost.unplaced) == (now.hard, now.unplaced)
                    && {
                        // From ANNEAL_START down to a hundredth of it.
                        let t = ANNEAL_START * 0.01f64.powf(step as f64 / anneal as f64);
                        let worse = (trial.cost.soft - now.soft) as f64;
                        rng.f64() < (-worse / t).exp()
                    });
            if taken {
                now = trial.cost;
                self.keep(trial);
                if now < best.0 {
                    best = (now, self.placements(), step);
                }
            } else {
                self.revert(trial);
            }
        }
        for (s, p) in self.day.sessions.iter_mut().zip(best.1) {
            s.placement = p;
        }
        self.recount();
        step
    }

    /// Puts numbered sessions of one kind (« Première table ronde », « Deuxième table
    /// ronde »…, « Atelier 1 », « Atelier 2 »…) in the order of their numbers across the
    /// cells they hold, when that costs nothing more: among grids the rules weigh the same,
    /// the one the organisers' numbering reads right. Not a rule: the order is a
    /// preference the grid may have reasons to break, and the rules look at one time
    /// at once.
    fn follow_numbering(&mut self) {
        let mut series: BTreeMap<(String, String), Vec<(u32, usize)>> = BTreeMap::new();
        for (k, s) in self.day.sessions.iter().enumerate() {
            if !self.movable[k] || s.placement.is_none() {
                continue;
            }
            if let Some((words, number)) = numbered(&s.title) {
                let key = (s.kind.label_fr().to_string(), words);
                series.entry(key).or_default().push((number, k));
            }
        }
        for (_, mut members) in series {
            members.sort();
            if members.len() < 2 || members.windows(2).any(|w| w[0].0 == w[1].0) {
                continue;
            }
            let when = |cell: Cell| {
                let slot = self.day.slots.iter().find(|s| s.id == cell.slot_id);
                let room = self.day.rooms.iter().position(|r| r.id == cell.room_id);
                (slot.map(|s| (s.date, s.start)), room)
            };
            let mut cells: Vec<Cell> = members
                .iter()
                .filter_map(|&(_, k)| self.day.sessions[k].placement)
                .collect();
            cells.sort_by_key(|&c| when(c));
            // The sessions alone, in their cells put in order; else everything at their
            // times, which keeps who runs beside whom (the notes about that stay the same).
            let alone: Vec<(usize, Cell)> = members
                .iter()
                .map(|&(_, k)| k)
                .zip(cells.iter().copied())
                .collect();
            if !self.try_moves(&alone) {
                let slots: Vec<i64> = cells.iter().map(|c| c.slot_id).collect();
                let mut to: HashMap<i64, i64> = HashMap::new();
                for (&(_, k), &slot) in members.iter().zip(&slots) {
                    if let Some(from) = self.day.sessions[k].placement {
                        to.insert(from.slot_id, slot);
                    }
                }
                if to.len() < members.len() {
                    continue; // two of them at one time
                }
                let mut all = Vec::new();
                for (k, s) in self.day.sessions.iter().enumerate() {
                    let Some(cell) = s.placement else { continue };
                    let Some(&slot) = to.get(&cell.slot_id) else {
                        continue;
                    };
                    if !self.movable[k] {
                        all.clear();
                        break;
                    }
                    all.push((
                        k,
                        Cell {
                            room_id: cell.room_id,
                            slot_id: slot,
                        },
                    ));
                }
                if !all.is_empty() {
                    self.try_moves(&all);
                }
            }
        }
    }

    /// Puts each session in its cell and keeps it all when the day costs no more; returns
    /// whether it did.
    fn try_moves(&mut self, moves: &[(usize, Cell)]) -> bool {
        let mut undo = Vec::new();
        for &(k, cell) in moves {
            let old = self.day.sessions[k].placement;
            if old != Some(cell) {
                undo.push((k, old));
                self.day.sessions[k].placement = Some(cell);
            }
        }
        if undo.is_empty() {
            return true;
        }
        let trial = self.weigh(undo);
        if trial.cost <= self.now() {
            self.keep(trial);
            true
        } else {
            self.revert(trial);
            false
        }
    }

    fn placements(&self) -> Vec<Option<Cell>> {
        self.day.sessions.iter().map(|s| s.placement).collect()
    }
}

/// The number in a session's title, and the title's head without it (the words before
/// « : »): « Troisième table ronde : … » is (« table ronde », 3), « Atelier 2 » is
/// (« atelier », 2).
fn numbered(title: &str) -> Option<(String, u32)> {
    const ORDINALS: [&str; 10] = [
        "premier",
        "deuxieme",
        "troisieme",
        "quatrieme",
        "cinquieme",
        "sixieme",
        "septieme",
        "huitieme",
        "neuvieme",
        "dixieme",
    ];
    let head = title.split(':').next().unwrap_or_default();
    let words: Vec<String> = rules::folded(head).split(' ').map(str::to_string).collect();
    let number = |word: &str| -> Option<u32> {
        match word {
            "premiere" | "1re" | "1ere" | "1er" => Some(1),
            "second" | "seconde" => Some(2),
            _ => ORDINALS
                .iter()
                .position(|o| *o == word)
                .map(|i| i as u32 + 1)
                .or_else(|| {
                    let digits = word.trim_end_matches(['e', 'm', 'r']);
                    let rest = &word[digits.len()..];
                    let suffix = matches!(rest, "" | "e" | "eme" | "er" | "re" | "ere");
                    digits.parse().ok().filter(|_| suffix)
                }),
        }
    };
    let (n, rest) = match (words.first(), words.last()) {
        (Some(first), _) if number(first).is_some() => (number(first)?, &words[1..]),
        (_, Some(last)) if last.chars().all(|c| c.is_ascii_digit()) => {
            (last.parse().ok()?, &words[..words.len() - 1])
        }
        _ => return None,
    };
    (!rest.is_empty()).then(|| (rest.join(" "), n))
}

/// Proposes where every session goes. Pure: the caller applies it, or shows it.
pub fn propose(day: Day, options: &PlanOptions) -> Proposal {
    let made_from = day.fingerprint();
    let began = Instant::now();
    let mut search = Search::new(day, options.only_unplaced);
    let (before, at_first) = search.cost();
    // A re-plan after one change has little to mend: it looks as long as that needs, not
    // as long as a whole day from an empty grid.
    let to_mend: BTreeSet<i64> = at_first
        .iter()
        .filter(|w| is_hard(w) || w.code == "unplaced")
        .flat_map(|w| w.sessions.iter().copied())
        .collect();
    let patience = (to_mend.len() * PATIENCE_PER_SESSION).clamp(PATIENCE_MIN, options.patience);
    search.place_the_tray(began, options.time_limit);
    // Annealing is for making a grid (most sessions to place): a re-plan mends one,
    // moving as little as it can, and climbs only.
    let movable = search.movable.iter().filter(|&&m| m).count();
    let anneal = if to_mend.len() * 2 > movable {
        (ANNEAL_WORK / movable.max(1)).min(options.steps / 2)
    } else {
        0
    };
    let steps = search.improve(
        &PlanOptions {
            patience,
            ..options.clone()
        },
        anneal,
        began,
    );
    search.follow_numbering();
    let (after, warnings) = search.cost();
    let sessions = &search.day.sessions;
    let moved = sessions
        .iter()
        .zip(&search.start)
        .filter(|(s, start)| s.placement != **start)
        .map(|(s, start)| Move {
            session: s.id,
            title: s.title.clone(),
            from: *start,
            to: s.placement,
            from_label: start.map(|c| cell_label(&search.day, c)),
            to_label: s.placement.map(|c| cell_label(&search.day, c)),
        })
        .collect();
    let placements = sessions
        .iter()
        .filter_map(|s| {
            s.placement.map(|c| Placement {
                session: s.id,
                room: c.room_id,
                slot: c.slot_id,
            })
        })
        .collect();
    let unplaceable = sessions
        .iter()
        .filter(|s| s.placement.is_none())
        .map(|s| Unplaceable {
            session: s.id,
            reason: why_not(&search, s),
        })
        .collect();
    Proposal {
        placements,
        moved,
        score: Score { before, after },
        warnings,
        unplaceable,
        steps,
        made_from,
    }
}

/// What a day costs with its sessions where `placements` put them (the others in the
/// tray), moves counted from where they are in `day`: to weigh a grid made elsewhere (by
/// hand, or by another solver in the benchmark) exactly as a proposal is weighed.
pub fn score(day: Day, placements: &[Placement]) -> (Cost, Vec<Warning>) {
    let mut search = Search::new(day, false);
    for s in &mut search.day.sessions {
        s.placement = placements.iter().find(|p| p.session == s.id).map(|p| Cell {
            room_id: p.room,
            slot_id: p.slot,
        });
    }
    search.cost()
}

/// The cost of these warnings, with that many sessions moved.
pub fn cost_of(warnings: &[Warning], moves: usize) -> Cost {
    Part::of(warnings).with_moves(moves as i64)
}

/// A cell as the organisers name it: the room, then the time.
fn cell_label(day: &Day, cell: Cell) -> String {
    let room = day
        .rooms
        .iter()
        .find(|r| r.id == cell.room_id)
        .map_or("?", |r| r.name.as_str());
    let Some(slot) = day.slots.iter().find(|s| s.id == cell.slot_id) else {
        return room.to_string();
    };
    let several_days = day.slots.iter().any(|s| s.date != slot.date);
    if several_days {
        format!(
            "{room}, {} {}",
            slot.date.format("%d/%m"),
            slot.time_range()
        )
    } else {
        format!("{room}, {}", slot.time_range())
    }
}

/// Why a session stays in the tray, naming what blocks it.
fn why_not(search: &Search, session: &SessionView) -> String {
    let day = &search.day;
    let title = format!("«\u{a0}{}\u{a0}»", session.title);
    let what = format!("{} {title}", article(session.kind));
    if session.pinned {
        return format!(
            "{} est épinglée dans le bac\u{a0}: retirez l’épingle pour qu’elle soit placée.",
            capitalise(&what)
        );
    }
    let not_retained: Vec<String> = session
        .contributions
        .iter()
        .filter(|c| {
            crate::model::Status::parse(&c.status)
                .is_some_and(|s| s != crate::model::Status::Retenue)
        })
        .map(|c| format!("«\u{a0}{}\u{a0}»", c.title))
        .collect();
    if !not_retained.is_empty() {
        let names =
            crate::words::list_fr(&not_retained.iter().map(String::as_str).collect::<Vec<_>>());
        let (contributions, are, them) = if not_retained.len() > 1 {
            ("les contributions", "ne sont pas retenues", "les")
        } else {
            ("la contribution", "n’est pas retenue", "la")
        };
        return format!(
            "{} reste dans le bac\u{a0}: {contributions} {names} {are} (retenez-{them} ou retirez-{them} de la session).",
            capitalise(&what)
        );
    }
    let suitable: Vec<&Room> = day
        .rooms
        .iter()
        .filter(|r| rules::suits(session.kind, r.kind))
        .collect();
    if suitable.is_empty() {
        return format!(
            "{} ne trouve aucune salle qui lui convienne (aucune salle de type {}).",
            capitalise(&what),
            session.kind.label_fr().to_lowercase()
        );
    }
    let largest = suitable.iter().map(|r| r.capacity).max().unwrap_or(0);
    if let Some(audience) = session.audience().filter(|&a| a > largest) {
        return format!(
            "{} attend {audience}\u{a0}personnes\u{a0}: aucune salle n’en accueille plus de {largest}.",
            capitalise(&what)
        );
    }
    // Someone of the session already elsewhere at every time a room is free.
    let people: BTreeSet<i64> = session.participants().map(|p| p.person_id).collect();
    let mut busy: HashMap<i64, (String, BTreeSet<String>)> = HashMap::new();
    for other in day.sessions.iter().filter(|o| o.id != session.id) {
        let Some(cell) = other.placement else {
            continue;
        };
        let Some(slot) = day.slots.iter().find(|s| s.id == cell.slot_id) else {
            continue;
        };
        for p in other
            .participants()
            .filter(|p| people.contains(&p.person_id))
        {
            let entry = busy.entry(p.person_id).or_insert_with(|| {
                (
                    crate::common::names::full_name(&p.first_name, &p.last_name),
                    BTreeSet::new(),
                )
            });
            entry.1.insert(slot.start.format("%H:%M").to_string());
        }
    }
    if let Some((name, times)) = busy.values().max_by_key(|(_, t)| t.len()) {
        let times: Vec<&str> = times.iter().map(String::as_str).collect();
        return format!(
            "{} ne trouve pas de créneau\u{a0}: {name} est déjà dans une session à {}, et les salles qui lui conviennent sont prises aux autres heures.",
            capitalise(&what),
            crate::words::list_fr(&times)
        );
    }
    format!(
        "{} ne trouve pas de place\u{a0}: les salles qui lui conviennent ({}) sont prises à chaque créneau.",
        capitalise(&what),
        suitable
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// « La table ronde », « L’atelier »…
fn article(kind: SessionKind) -> String {
    match kind {
        SessionKind::Atelier => "l’atelier".to_string(),
        SessionKind::Autre => "la session".to_string(),
        other => format!("la {}", other.label_fr().to_lowercase()),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use strum::VariantArray;

    use super::*;

    /// The shares the search adds up differ from the full cost by the rules no placement
    /// changes, and by nothing else: a move weighed by its times costs what the whole
    /// day says.
    #[test]
    fn numbers_are_read_from_ordinals_and_trailing_figures() {
        let read = |t| numbered(t);
        let series = |w: &str, n| Some((w.to_string(), n));
        assert_eq!(
            read("Première table ronde : les govtech"),
            series("table ronde", 1)
        );
        assert_eq!(read("Quatrième table ronde"), series("table ronde", 4));
        assert_eq!(read("2e table ronde : x"), series("table ronde", 2));
        assert_eq!(read("1re plénière"), series("pleniere", 1));
        assert_eq!(read("Atelier 3 : données ouvertes"), series("atelier", 3));
        assert_eq!(read("Table ronde n° 10"), series("table ronde ndeg", 10));
        assert_eq!(read("Retours d’expérience : 3 villes"), None);
        assert_eq!(read("Atelier"), None);
        assert_eq!(read("3"), None);
    }

    #[test]
    fn a_move_weighed_by_its_times_costs_what_the_whole_day_says() {
        let dir = tempfile::tempdir().unwrap();
        let project = crate::demo::write(&dir.path().join("demo.journee"), false).unwrap();
        let demo = project.plan_day().unwrap();
        // And the demo with every audience to estimate from the registrants' wishes.
        let mut estimated = demo.clone();
        for s in &mut estimated.sessions {
            s.expected_audience = None;
        }
        for kind in SessionKind::VARIANTS {
            estimated.wishes.insert(*kind, 90);
        }
        for day in [demo, estimated] {
            weigh_300_moves(Search::new(day, false));
        }
    }

    fn weigh_300_moves(mut search: Search) {
        let offset = |search: &mut Search| {
            let (full, _) = search.cost();
            let now = search.now();
            (
                full.hard as i64 - now.hard as i64,
                full.unplaced as i64 - now.unplaced as i64,
                full.warnings - now.warnings,
                full.moves as i64 - now.moves as i64,
            )
        };
        let constant = offset(&mut search);
        let mut rng = fastrand::Rng::with_seed(3);
        let mut kept = 0;
        for _ in 0..300 {
            let i = rng.usize(..search.day.sessions.len());
            let cell = search.cells.get(rng.usize(..=search.cells.len())).copied();
            let Some(undo) = search.apply(i, cell, &mut rng) else {
                continue;
            };
            let trial = search.weigh(undo);
            if rng.bool() {
                search.keep(trial);
                kept += 1;
            } else {
                search.revert(trial);
            }
            assert_eq!(offset(&mut search), constant);
        }
        assert!(kept > 20, "only {kept} moves tried");
        // Taken out of the grid, too.
        let placed = (0..search.day.sessions.len())
            .find(|&i| search.day.sessions[i].placement.is_some())
            .unwrap();
        let was = search.day.sessions[placed].placement.take();
        let trial = search.weigh(vec![(placed, was)]);
        search.keep(trial);
        assert_eq!(offset(&mut search), constant);
    }
}
