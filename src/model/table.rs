//! A centrifugeuse table, as the call for contributions sets it: one project holder, four
//! peers and one animateur around it; each project heard for 15 minutes, then 5 of
//! reactions. The seating, the rules, the printed plans and the interface (generated
//! constants) all read these.

/// Project holders at a table.
pub const HOLDERS: usize = 1;
/// Peers who hear and react to the projects.
pub const PEERS: usize = 4;
/// The animateur who runs the table.
pub const ANIMATEURS: usize = 1;
/// Everyone a table seats.
pub const SEATS: usize = HOLDERS + PEERS + ANIMATEURS;

/// The seats' numbers at a table, as stored: holders from 0, peers from 10, the
/// animateur 20.
pub const HOLDER_SEAT: i64 = 0;
pub const PEER_SEAT: i64 = 10;
pub const ANIMATEUR_SEAT: i64 = 20;

/// A project's time at its table: its pitch, then the peers' reactions.
pub const PITCH_MINUTES: i64 = 15;
pub const REACTION_MINUTES: i64 = 5;
pub const MINUTES_PER_PROJECT: i64 = PITCH_MINUTES + REACTION_MINUTES;
