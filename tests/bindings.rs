//! The interface's TypeScript types for what the core sends and receives, generated from
//! the Rust types (ts-rs) into `ui/src/lib/core.ts`, with the vocabulary's value lists.
//! This test fails when the file is not what the types give: run
//! `UPDATE_BINDINGS=1 cargo test --test bindings` after changing a type, and commit it.

use journee::backup::{Backup, Reason as BackupReason};
use journee::common::Severity;
use journee::import::{
    Absent, Change, Column, Fate, Field, FieldChange, ImportOptions, ListKind, Missing, Preview,
    Problem, Report, SourceFormat, Target, ValueReading,
};
use journee::info::Counts;
use journee::model::{
    ActorType, BadgeRole, CorrectableField, Day, Event, Format, NewRoom, NewSlot, Person,
    PlacedSession, Room, RoomGroup, RoomKind, RoomPatch, SessionKind, SessionRole, Slot, SlotKind,
    SlotPatch, Status, Track,
};
use journee::people::{Participant, PeopleQuery, PersonPatch, PersonSeat, PersonSession};
use journee::print::{
    BadgeOptions, Document, Finding, Format as ProgrammeFormat, Layout as BadgeLayout, Paperwork,
    Qr, Sort as BadgeSort,
};
use journee::programme::plan::{Cost, Move, Placement, Proposal, Score, Unplaceable};
use journee::programme::rules::Warning;
use journee::programme::{
    Cell, CellFit, Estimate, Fit, KeyedWarning, NewSession, SessionContribution, SessionPatch,
    SessionPerson, SessionView,
};
use journee::programme::{VersionChange, VersionInfo};
use journee::recent::Summary;
use journee::review::{
    ActorLine, Balance, Contributor, Query, Review, SessionRef, SubmissionView, Targets,
};
use journee::seating::{Broken, Seat, SeatTarget, SessionSeating, TablePlan};
use journee::share::Returned;
use journee::user_data::About;
use strum::VariantArray;
use ts_rs::{Config, TS};

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/lib/core.ts");
const CSS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/lib/core.css");

fn declare<T: TS>(cfg: &Config, out: &mut String) {
    out.push_str("export ");
    out.push_str(&T::decl(cfg));
    out.push('\n');
}

/// `export const NAME: readonly Type[] = ["a", "b"];` in the order of the variants.
fn values<T: VariantArray + TS + Copy + Into<&'static str>>(
    cfg: &Config,
    name: &str,
    out: &mut String,
) {
    let codes: Vec<String> = T::VARIANTS
        .iter()
        .map(|v| format!("\"{}\"", Into::<&str>::into(*v)))
        .collect();
    out.push_str(&format!(
        "export const {name}: readonly {}[] = [{}];\n",
        T::name(cfg),
        codes.join(", ")
    ));
}

/// The correctable fields that are the contact's, not the submission's.
fn contact_fields() -> String {
    let codes: Vec<String> = CorrectableField::VARIANTS
        .iter()
        .filter(|f| f.of_contact())
        .map(|f| format!("\"{}\"", f.code()))
        .collect();
    format!(
        "export const CONTACT_FIELDS = [{}] as const satisfies readonly CorrectableField[];\n",
        codes.join(", ")
    )
}

/// A centrifugeuse table's seat numbers, as the core stores them (`model::table`).
fn table_seats() -> String {
    use journee::model::table;
    let peers: Vec<String> = (0..table::PEERS as i64)
        .map(|k| (table::PEER_SEAT + k).to_string())
        .collect();
    format!(
        "/** A centrifugeuse table's seat numbers, as the core stores them. */\n\
         export const TABLE_SEATS = {{ holder: {}, peers: [{}], animateur: {} }} as const;\n",
        table::HOLDER_SEAT,
        peers.join(", "),
        table::ANIMATEUR_SEAT
    )
}

fn generated() -> String {
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from the core's Rust types by tests/bindings.rs (ts-rs): do not edit.\n\
         // After changing a type: UPDATE_BINDINGS=1 cargo test --test bindings\n\n",
    );
    declare::<ActorType>(&cfg, &mut out);
    declare::<BadgeRole>(&cfg, &mut out);
    declare::<Format>(&cfg, &mut out);
    declare::<RoomKind>(&cfg, &mut out);
    declare::<SessionKind>(&cfg, &mut out);
    declare::<SessionRole>(&cfg, &mut out);
    declare::<SlotKind>(&cfg, &mut out);
    declare::<Status>(&cfg, &mut out);
    declare::<CorrectableField>(&cfg, &mut out);
    out.push('\n');
    values::<ActorType>(&cfg, "ACTOR_TYPES", &mut out);
    values::<BadgeRole>(&cfg, "BADGE_ROLES", &mut out);
    values::<Format>(&cfg, "FORMATS", &mut out);
    values::<RoomKind>(&cfg, "ROOM_KINDS", &mut out);
    values::<SessionKind>(&cfg, "SESSION_KINDS", &mut out);
    values::<SessionRole>(&cfg, "SESSION_ROLES", &mut out);
    values::<SlotKind>(&cfg, "SLOT_KINDS", &mut out);
    values::<Status>(&cfg, "STATUSES", &mut out);
    values::<CorrectableField>(&cfg, "CORRECTABLE_FIELDS", &mut out);
    out.push_str(&contact_fields());
    out.push('\n');
    out.push_str(&table_seats());
    out.push('\n');
    declare::<Event>(&cfg, &mut out);
    declare::<Track>(&cfg, &mut out);
    declare::<Room>(&cfg, &mut out);
    declare::<NewRoom>(&cfg, &mut out);
    declare::<RoomPatch>(&cfg, &mut out);
    declare::<RoomGroup>(&cfg, &mut out);
    declare::<Slot>(&cfg, &mut out);
    declare::<NewSlot>(&cfg, &mut out);
    declare::<SlotPatch>(&cfg, &mut out);
    declare::<PlacedSession>(&cfg, &mut out);
    declare::<Day>(&cfg, &mut out);
    declare::<Person>(&cfg, &mut out);
    declare::<SessionPerson>(&cfg, &mut out);
    declare::<SessionContribution>(&cfg, &mut out);
    declare::<Cell>(&cfg, &mut out);
    declare::<Estimate>(&cfg, &mut out);
    declare::<SessionView>(&cfg, &mut out);
    declare::<NewSession>(&cfg, &mut out);
    declare::<SessionPatch>(&cfg, &mut out);
    declare::<Fit>(&cfg, &mut out);
    declare::<CellFit>(&cfg, &mut out);
    declare::<Severity>(&cfg, &mut out);
    declare::<Warning>(&cfg, &mut out);
    declare::<KeyedWarning>(&cfg, &mut out);
    declare::<VersionInfo>(&cfg, &mut out);
    declare::<VersionChange>(&cfg, &mut out);
    declare::<Counts>(&cfg, &mut out);
    declare::<Summary>(&cfg, &mut out);
    out.push('\n');
    // The review and the participants' directory.
    declare::<Field>(&cfg, &mut out);
    let fields: Vec<String> = Field::ALL
        .iter()
        .map(|f| format!("\"{}\"", f.code()))
        .collect();
    out.push_str(&format!(
        "export const FIELDS: readonly Field[] = [{}];\n",
        fields.join(", ")
    ));
    declare::<Problem>(&cfg, &mut out);
    declare::<Contributor>(&cfg, &mut out);
    declare::<Review>(&cfg, &mut out);
    declare::<SessionRef>(&cfg, &mut out);
    declare::<SubmissionView>(&cfg, &mut out);
    declare::<Query>(&cfg, &mut out);
    declare::<Targets>(&cfg, &mut out);
    declare::<ActorLine>(&cfg, &mut out);
    declare::<Balance>(&cfg, &mut out);
    declare::<PersonSession>(&cfg, &mut out);
    declare::<PersonSeat>(&cfg, &mut out);
    declare::<Participant>(&cfg, &mut out);
    declare::<PeopleQuery>(&cfg, &mut out);
    declare::<PersonPatch>(&cfg, &mut out);
    out.push('\n');
    // The import wizard.
    declare::<ListKind>(&cfg, &mut out);
    declare::<SourceFormat>(&cfg, &mut out);
    declare::<Target>(&cfg, &mut out);
    declare::<Column>(&cfg, &mut out);
    declare::<ImportOptions>(&cfg, &mut out);
    declare::<Missing>(&cfg, &mut out);
    declare::<ValueReading>(&cfg, &mut out);
    declare::<Preview>(&cfg, &mut out);
    declare::<Fate>(&cfg, &mut out);
    declare::<Absent>(&cfg, &mut out);
    declare::<FieldChange>(&cfg, &mut out);
    declare::<Change>(&cfg, &mut out);
    declare::<Returned>(&cfg, &mut out);
    declare::<Report>(&cfg, &mut out);
    out.push('\n');
    // Print, the tables, backups.
    declare::<BadgeLayout>(&cfg, &mut out);
    declare::<Qr>(&cfg, &mut out);
    declare::<BadgeSort>(&cfg, &mut out);
    declare::<BadgeOptions>(&cfg, &mut out);
    declare::<ProgrammeFormat>(&cfg, &mut out);
    declare::<Paperwork>(&cfg, &mut out);
    declare::<Document>(&cfg, &mut out);
    declare::<Finding>(&cfg, &mut out);
    declare::<Seat>(&cfg, &mut out);
    declare::<TablePlan>(&cfg, &mut out);
    declare::<Broken>(&cfg, &mut out);
    declare::<SessionSeating>(&cfg, &mut out);
    declare::<SeatTarget>(&cfg, &mut out);
    declare::<BackupReason>(&cfg, &mut out);
    declare::<Backup>(&cfg, &mut out);
    declare::<About>(&cfg, &mut out);
    out.push('\n');
    // « Proposer un programme ».
    declare::<Placement>(&cfg, &mut out);
    declare::<Move>(&cfg, &mut out);
    declare::<Cost>(&cfg, &mut out);
    declare::<Score>(&cfg, &mut out);
    declare::<Unplaceable>(&cfg, &mut out);
    declare::<Proposal>(&cfg, &mut out);
    out
}

/// Each kind's colour, the one printed on paper (`SessionKind::colour`), as a custom
/// property: `--kind` on an element of class `kind-<code>` (a session, a room group),
/// and `--<code>` on the page for what takes a kind's colour by name.
fn colours() -> String {
    let mut out = String::from(
        "/* Generated from SessionKind::colour by tests/bindings.rs: do not edit. */\n:root {\n",
    );
    for kind in SessionKind::VARIANTS {
        out.push_str(&format!("  --{}: #{:06x};\n", kind.code(), kind.colour()));
    }
    out.push_str("}\n");
    for kind in SessionKind::VARIANTS {
        out.push_str(&format!(
            ".kind-{0} {{ --kind: var(--{0}); }}\n",
            kind.code()
        ));
    }
    out
}

/// The committed file is what the core gives, or it is written anew with UPDATE_BINDINGS.
fn check(path: &str, fresh: &str) {
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(path, fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{path} is not what the Rust types give: run \
         UPDATE_BINDINGS=1 cargo test --test bindings, then svelte-check"
    );
}

#[test]
fn the_interface_types_are_the_cores() {
    check(FILE, &generated());
}

#[test]
fn the_interface_colours_are_the_printed_ones() {
    check(CSS, &colours());
}
