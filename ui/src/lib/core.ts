// Generated from the core's Rust types by tests/bindings.rs (ts-rs): do not edit.
// After changing a type: UPDATE_BINDINGS=1 cargo test --test bindings

export type ActorType = "public" | "entreprise" | "association" | "recherche" | "autre";
export type BadgeRole = "organisation" | "presse" | "intervenant" | "animateur" | "participant";
export type Format = "recherche" | "retour_experience" | "pitch" | "centrifugeuse" | "inconnu";
export type RoomKind = "pleniere" | "centrifugeuse" | "formation" | "atelier" | "autre";
export type SessionKind = "pleniere" | "table_ronde" | "atelier" | "centrifugeuse" | "formation" | "autre";
export type SessionRole = "intervenant" | "moderateur" | "animateur";
export type SlotKind = "session" | "pause" | "dejeuner" | "soiree";
export type Status = "nouvelle" | "retenue" | "liste_attente" | "refusee";
export type CorrectableField = "title" | "summary" | "format" | "actor_type" | "axes" | "language" | "co_speakers" | "email" | "first_name" | "last_name" | "organisation";

export const ACTOR_TYPES: readonly ActorType[] = ["public", "entreprise", "association", "recherche", "autre"];
export const BADGE_ROLES: readonly BadgeRole[] = ["organisation", "presse", "intervenant", "animateur", "participant"];
export const FORMATS: readonly Format[] = ["recherche", "retour_experience", "pitch", "centrifugeuse", "inconnu"];
export const ROOM_KINDS: readonly RoomKind[] = ["pleniere", "centrifugeuse", "formation", "atelier", "autre"];
export const SESSION_KINDS: readonly SessionKind[] = ["pleniere", "table_ronde", "atelier", "centrifugeuse", "formation", "autre"];
export const SESSION_ROLES: readonly SessionRole[] = ["intervenant", "moderateur", "animateur"];
export const SLOT_KINDS: readonly SlotKind[] = ["session", "pause", "dejeuner", "soiree"];
export const STATUSES: readonly Status[] = ["nouvelle", "retenue", "liste_attente", "refusee"];
export const CORRECTABLE_FIELDS: readonly CorrectableField[] = ["title", "summary", "format", "actor_type", "axes", "language", "co_speakers", "email", "first_name", "last_name", "organisation"];
export const CONTACT_FIELDS = ["email", "first_name", "last_name", "organisation"] as const satisfies readonly CorrectableField[];

/** A centrifugeuse table's seat numbers, as the core stores them. */
export const TABLE_SEATS = { holder: 0, peers: [10, 11, 12, 13], animateur: 20 } as const;

export type Event = { title: string, start_date: string, end_date: string, venue: string, address: string, organisers: string, 
/**
 * IANA name; exports (calendars, schedule feeds) need it.
 */
timezone: string, };
export type Track = { id: number, name: string, position: number, };
export type Room = { id: number, name: string, capacity: number, kind: RoomKind, 
/**
 * Equipment, accessibility, interpretation booths... free text from the organisers.
 */
notes: string, 
/**
 * Simultaneous interpretation available (sessions in English need it).
 */
interpretation: boolean, track_id: number | null, 
/**
 * Display order across the grid, 0-based and dense.
 */
position: number, };
export type NewRoom = { name: string, capacity: number, kind: RoomKind, notes?: string, interpretation?: boolean, track_id?: number, };
export type RoomPatch = { name?: string, capacity?: number, kind?: RoomKind, notes?: string, interpretation?: boolean, };
export type RoomGroup = { kind: RoomKind, 
/**
 * How many of `Day::rooms`, from where the previous group ended.
 */
rooms: number, };
export type Slot = { id: number, date: string, start: string, end: string | null, kind: SlotKind, 
/**
 * What the programme calls it ("Plénière d'ouverture", "Déjeuner"); may be empty.
 */
label: string, };
export type NewSlot = { date: string, start: string, end?: string | null, kind: SlotKind, label?: string, };
export type SlotPatch = { date?: string, start?: string | null, end?: string | null, kind?: SlotKind, label?: string, };
export type PlacedSession = { session_id: number, title: string, kind: SessionKind, language: string, room_id: number, slot_id: number, };
export type Day = { event: Event, tracks: Array<Track>, 
/**
 * Consecutive rooms of one kind, left to right: the grid's column groups.
 */
groups: Array<RoomGroup>, rooms: Array<Room>, slots: Array<Slot>, placements: Array<PlacedSession>, };
export type Person = { id: number, first_name: string, last_name: string, email: string, phone: string, organisation: string, actor_type: ActorType, country: string, 
/**
 * On the registrations list (a participant), not only known through the programme.
 */
registered: boolean, wishes: string, accessibility: string, };
export type SessionPerson = { person_id: number, first_name: string, last_name: string, organisation: string, actor_type: string, 
/**
 * "intervenant", "moderateur" or "animateur".
 */
role: string, };
export type SessionContribution = { submission_id: number, title: string, format: string, actor_type: string, 
/**
 * Speaking time from the format (recherche 20, retour d'expérience 15, pitch 5,
 * centrifugeuse 15 + 5).
 */
minutes: number, qa_minutes: number, table_number: number | null, 
/**
 * The submission's status in the selection ("retenue", "refusee"…).
 */
status: string, speakers: Array<SessionPerson>, 
/**
 * « 10:20 » once the session is placed: its slot's start, then the talks (and their
 * questions) before it in the running order; at a centrifugeuse, those at its table.
 */
starts: string | null, };
export type Cell = { room_id: number, slot_id: number, };
export type Estimate = { people: number, 
/**
 * Registrants whose wishes name this kind of session.
 */
wishing: number, 
/**
 * The sessions of this kind they are shared among, this one included: those in the
 * same slot once placed, all of them before.
 */
among: number, 
/**
 * Once placed beside others of its kind: this room's share of their seats, in percent.
 */
room_share: number | null, placed: boolean, };
export type SessionView = { id: number, title: string, kind: SessionKind, language: string, expected_audience: number | null, 
/**
 * When no audience is entered: a guess from the registrants' wishes, and how.
 */
estimate: Estimate | null, description: string, contributions: Array<SessionContribution>, 
/**
 * People in the session without a submission (panellists, moderators, animateurs).
 */
people: Array<SessionPerson>, placement: Cell | null, 
/**
 * Pinned by the organisers: a proposed programme never moves it.
 */
pinned: boolean, };
export type NewSession = { title: string, kind: SessionKind, language: string, expected_audience: number | null, description: string, 
/**
 * Submissions to put in its running order, in this order.
 */
contributions: Array<number>, };
export type SessionPatch = { title?: string, kind?: SessionKind, language?: string, 
/**
 * `Some(None)` clears the expected audience.
 */
expected_audience?: number | null, description?: string, };
export type Fit = "fits" | "near" | "too_small" | "unknown";
export type CellFit = { room_id: number, slot_id: number, fit: Fit, audience: number | null, 
/**
 * The audience is an estimate from the registrants' wishes.
 */
estimated: boolean, };
export type Severity = "error" | "warning" | "info";
export type Warning = { 
/**
 * Stable: capacity, room_clash, person_clash, same_organisation, duration, room_kind,
 * unplaced, balance, language, contribution_not_retained, contribution_twice,
 * planned_slot, during_plenary.
 */
code: string, severity: Severity, message: string, sessions: Array<number>, room: number | null, slot: number | null, };
export type KeyedWarning = { key: string, 
/**
 * Its place in the whole list as the core orders it, in this answer: the screen puts
 * a warning that appears there, and keeps no order of its own.
 */
position: number, 
/**
 * Stable: capacity, room_clash, person_clash, same_organisation, duration, room_kind,
 * unplaced, balance, language, contribution_not_retained, contribution_twice,
 * planned_slot, during_plenary.
 */
code: string, severity: Severity, message: string, sessions: Array<number>, room: number | null, slot: number | null, };
export type VersionInfo = { name: string, created_at: string, };
export type VersionChange = { 
/**
 * "added", "removed", "moved" or "retitled".
 */
kind: string, session: number, title: string, 
/**
 * Where or what it was ("Atelier 1, 10:00–11:30", an old title), when that applies.
 */
before: string | null, after: string | null, };
export type Counts = { tracks: number, rooms: number, slots: number, people: number, submissions: number, sessions: number, placements: number, imports: number, versions: number, };
export type Summary = { title: string | null, 
/**
 * Local time, « 2019-03-12T18:34:00 ».
 */
modified: string | null, };

export type Field = "first_name" | "last_name" | "full_name" | "email" | "phone" | "organisation" | "actor_type" | "country" | "format" | "axes" | "title" | "summary" | "language" | "co_speakers" | "submitted_at" | "external_id" | "wishes" | "accessibility" | "ignored";
export const FIELDS: readonly Field[] = ["first_name", "last_name", "full_name", "email", "phone", "organisation", "actor_type", "country", "format", "axes", "title", "summary", "language", "co_speakers", "submitted_at", "external_id", "wishes", "accessibility", "ignored"];
export type Problem = { 
/**
 * The row number as the spreadsheet shows it (1 is the first line).
 */
row: number, 
/**
 * The column's header as written in the file (empty for the whole row).
 */
column: string, severity: Severity, message: string, 
/**
 * The field the problem is about, when it is one ("email"): a correction by hand
 * of that field answers it.
 */
field?: Field, };
export type Contributor = { person_id: number, first_name: string, last_name: string, email: string, organisation: string, };
export type Review = { reviewer: string, score: number | null, note: string, };
export type SessionRef = { id: number, title: string, };
export type SubmissionView = { id: number, external_id: string | null, title: string, format: string, axes: Array<number>, actor_type: string, language: string, status: Status, organisation: string, summary: string, co_speakers: string, submitted_at: string | null, contributors: Array<Contributor>, 
/**
 * Problems found at import (`{"row", "column", "severity", "message"}`).
 */
flags: Array<Problem>, 
/**
 * The first sending of the same content, when this one repeats it.
 */
duplicate_of: number | null, reviews: Array<Review>, 
/**
 * Mean of the reviewers' scores, when there are any.
 */
score: number | null, tags: Array<string>, 
/**
 * Fields corrected by hand, which imports leave alone.
 */
corrected: Array<string>, 
/**
 * The organisers' notes.
 */
notes: string, 
/**
 * The sessions it is in (usually one; two is a warning of the programme).
 */
sessions: Array<SessionRef>, };
export type Query = { 
/**
 * Words that must all appear in the title, summary, contributors, organisation, tags
 * or notes.
 */
text: string, format: string | null, axis: number | null, actor_type: string | null, status: string | null, language: string | null, 
/**
 * Only those with problems found at import, or sent twice.
 */
flagged: boolean, };
export type Targets = { [key in string]: number };
export type ActorLine = { actor_type: string, count: number, 
/**
 * Share of all retained contributions, in percent.
 */
share: number, target: number, 
/**
 * Retained by format code.
 */
by_format: { [key in string]: number }, 
/**
 * True when the share is under the target: a kind of actor is missing.
 */
below_target: boolean, };
export type Balance = { retained: number, actors: Array<ActorLine>, 
/**
 * Retained contributions whose kind of actor is unknown ("autre").
 */
unknown_actor: number, 
/**
 * Retained by axis (1 to 4).
 */
by_axis: { [key in number]: number }, 
/**
 * French sentences, one per kind of actor under its target.
 */
warnings: Array<string>, };
export type PersonSession = { id: number, title: string, 
/**
 * "intervenant" (a contribution's speaker or a panellist), "moderateur" or "animateur".
 */
role: string, 
/**
 * « 10:00–11:30, Atelier 1 » once placed.
 */
when: string | null, };
export type PersonSeat = { session_id: number, session_title: string, table: number, 
/**
 * porteur, pair or animateur.
 */
role: string, };
export type Participant = { notes: string, 
/**
 * The badge role given by hand (organisation, presse…), if any.
 */
badge_role: BadgeRole | null, 
/**
 * The badge printed for them, if any: by hand, else from the programme or the
 * registrations.
 */
badge: BadgeRole | null, 
/**
 * The kinds of session their wishes name.
 */
wishes_for: Array<SessionKind>, sessions: Array<PersonSession>, seats: Array<PersonSeat>, 
/**
 * Submissions they present.
 */
submissions: number, id: number, first_name: string, last_name: string, email: string, phone: string, organisation: string, actor_type: ActorType, country: string, 
/**
 * On the registrations list (a participant), not only known through the programme.
 */
registered: boolean, wishes: string, accessibility: string, };
export type PeopleQuery = { 
/**
 * Words that must all appear in the name, email, organisation or notes.
 */
text: string, 
/**
 * Only those whose wishes name this kind of session.
 */
wish: SessionKind | null, 
/**
 * Only those who said they have an accessibility need.
 */
accessibility: boolean, 
/**
 * Only those whose badge has this role; "aucun" for those with no badge.
 */
badge: string | null, organisation: string | null, actor_type: string | null, 
/**
 * Only the registrations (not speakers known from the programme alone).
 */
registered: boolean, };
export type PersonPatch = { first_name?: string, last_name?: string, email?: string, phone?: string, organisation?: string, actor_type?: ActorType, country?: string, wishes?: string, accessibility?: string, notes?: string, 
/**
 * `Some(None)` takes back a badge role given by hand.
 */
badge_role?: BadgeRole | null, };

export type ListKind = "submissions" | "registrations";
export type SourceFormat = "xlsx" | "xlsb" | "xls" | "ods" | "delimited";
export type Target = { "type": "field", field: Field, } | { "type": "option", field: Field, value: string, } | { "type": "nothing" };
export type Column = { 
/**
 * 0-based position in the sheet.
 */
index: number, 
/**
 * The header as written.
 */
label: string, 
/**
 * The label above it, for option columns (the question).
 */
group: string | null, target: Target, 
/**
 * How sure the mapping is, from 0 to 1 (1 for a mapping the organisers gave).
 */
confidence: number, 
/**
 * Why the column got its target, in French, for the organiser.
 */
reason: string, };
export type ImportOptions = { 
/**
 * The sheet to read; by default the first visible one with data.
 */
sheet?: string | null, 
/**
 * Answers or registrations; by default, what the content says.
 */
kind: ListKind | null, 
/**
 * Work out the report, change nothing.
 */
dry_run: boolean, 
/**
 * The organiser's mapping, one target per column, instead of the detected one: a
 * confirmed mapping (the import wizard's).
 */
targets?: Array<Target> | null, };
export type Missing = "title" | "person";
export type ValueReading = { 
/**
 * "actor_type" or "format".
 */
field: string, 
/**
 * The answer as written in the file.
 */
source: string, 
/**
 * The domain code it reads as ("public", "pitch", "autre", "inconnu"...).
 */
value: string, 
/**
 * False when the reading is a guess to review.
 */
sure: boolean, 
/**
 * How many rows give this answer.
 */
rows: number, };
export type Preview = { format: SourceFormat, sheets: Array<string>, sheet: string, encoding: string | null, delimiter: string | null, 
/**
 * 1-based, as the spreadsheet shows it.
 */
header_row: number, 
/**
 * What the content says the file is, and the kind it is mapped for.
 */
detected_kind: ListKind, kind: ListKind, columns: Array<Column>, 
/**
 * What the import cannot do without and did not surely find ("le titre"): the
 * wizard asks which column holds it.
 */
missing: Array<Missing>, 
/**
 * The columns given a field without certainty (0-based): to check.
 */
unsure: Array<number>, 
/**
 * The first data rows, as text.
 */
rows: Array<Array<string>>, total_rows: number, 
/**
 * The distinct answers of the kind-of-actor and format columns, and how they read.
 */
values: Array<ValueReading>, 
/**
 * One of our own workbooks come back ("contributions" or "salles"): no mapping to
 * choose, its changes are shown for confirmation.
 */
returned: Returned | null, };
export type Fate = { 
/**
 * 1 is the first column (A).
 */
index: number, header: string, 
/**
 * The field's code, or null when the column is set aside.
 */
field: string | null, 
/**
 * For a checkbox option column: the option it stands for.
 */
option?: string, confidence: number, reason: string, };
export type Absent = { id: number, external_id: string | null, title: string, };
export type FieldChange = { 
/**
 * The title of the submission, or the room's name.
 */
what: string, 
/**
 * The column's header in the workbook.
 */
field: string, before: string, after: string, };
export type Change = { row: number, id: number, fields: Array<string>, 
/**
 * Fields the file changed but an organiser had corrected by hand: kept as corrected.
 */
kept: Array<string>, 
/**
 * What changed, value by value, when the file is one of our workbooks come back.
 */
details?: Array<FieldChange>, };
export type Returned = "contributions" | "salles";
export type Report = { file: string, kind: ListKind, format: SourceFormat, sheet: string, 
/**
 * 1-based row of the headers.
 */
header_row: number, 
/**
 * Data rows read (blank rows are not counted; see `blank`).
 */
rows: number, new: number, updated: number, unchanged: number, 
/**
 * Rows recognised as a repeat of another answer (the same person sending the same
 * content twice), imported and grouped with the first.
 */
duplicates: number, blank: number, 
/**
 * Answers in the project from an earlier download that this file does not have.
 */
absent: Array<Absent>, changes: Array<Change>, problems: Array<Problem>, dry_run: boolean, 
/**
 * What became of every column of the file, in order.
 */
columns: Array<Fate>, 
/**
 * For one of our own workbooks come back edited: "contributions" or "salles".
 */
returned?: Returned, };

export type BadgeLayout = "a4-8" | "a4-10" | "a6-4" | "a6" | "single";
export type Qr = "vcard" | "id";
export type BadgeSort = "name" | "role";
export type BadgeOptions = { layout: BadgeLayout, 
/**
 * Only these roles; all when empty.
 */
roles: Array<BadgeRole>, sort: BadgeSort, duplex: boolean, qr: Qr | null, 
/**
 * Print speakers' session and time.
 */
sessions: boolean, 
/**
 * Left and top margins in mm, instead of centring the badges on the sheet.
 */
margin?: [number, number], 
/**
 * Space between badges in mm (horizontal, vertical).
 */
gap?: [number, number], 
/**
 * Leave out the event's logo, when the project has one.
 */
no_logo: boolean, 
/**
 * For a print shop: colour runs 3 mm past each badge's edge, to be trimmed off; one
 * badge per page gets its TrimBox and BleedBox, A6 then fills the whole card.
 */
bleed: boolean, };
export type ProgrammeFormat = "a4" | "a5" | "booklet";
export type Paperwork = "signin" | "guests" | "namecards" | "cards" | "runsheet";
export type PrintRequest = { "document": "badges", options: BadgeOptions, } | { "document": "tables", session: number | null, } | { "document": "programme", format: ProgrammeFormat, 
/**
 * A 3 mm bleed for a print shop (A4 and A5; the booklet is imposed by the shop).
 */
bleed: boolean, } | { "document": "signs" } | { "document": "paperwork", which: Paperwork, };
export type Finding = { 
/**
 * Stable: small_text, missing_organisation, uncovered_characters, no_speaker,
 * table_rule, person_clash, empty_animateur, unplaced_printed, overlap, abridged.
 */
code: string, severity: Severity, 
/**
 * badges, tables, programme or signs.
 */
document: string, message: string, person: number | null, session: number | null, };
export type Seat = { person_id: number, first_name: string, last_name: string, organisation: string, actor_type: ActorType, accessibility: boolean, 
/**
 * porteur, pair or animateur; attente for someone not at a table.
 */
role: "porteur" | "pair" | "animateur" | "attente", 
/**
 * The seat's number at its table (holders 0.., peers 10..13, animateur 20).
 */
seat: number | null, pinned: boolean, 
/**
 * Asked for a centrifugeuse when registering.
 */
wants: boolean, };
export type TablePlan = { number: number, 
/**
 * The projects presented at the table, in running order.
 */
projects: Array<string>, accessible: boolean, holders: Array<Seat>, peers: Array<Seat>, animateur: Seat | null, };
export type Broken = { table: number | null, 
/**
 * holder_organisation, same_organisation, actor_type, accessibility, empty_seats,
 * unseated.
 */
rule: string, message: string, };
export type SessionSeating = { session: number, title: string, room_id: number | null, slot_id: number | null, tables: Array<TablePlan>, broken: Array<Broken>, 
/**
 * Registered people not at this session's tables, those who asked for a
 * centrifugeuse first: whom the organisers can seat by hand.
 */
waiting: Array<Seat>, 
/**
 * Registered people who asked for a centrifugeuse, seated or not.
 */
wishing: number, };
export type SeatTarget = { "to": "seat", table: number, seat: number, } | { "to": "table", table: number, } | { "to": "off" };
export type BackupReason = "import" | "returned_workbook" | "restore" | "edits" | "asked";
export type Backup = { path: string, taken_at: string, reason: BackupReason, bytes: number, };
export type About = { version: string, licence: string, 
/**
 * The user's data folder (remembered column mappings, backups).
 */
data_dir: string | null, 
/**
 * All projects' automatic backups.
 */
backups_dir: string | null, 
/**
 * The open project's file and its own backup folder.
 */
project: string | null, project_backups: string | null, };

export type Placement = { session: number, room: number, slot: number, };
export type Move = { session: number, title: string, from: Cell | null, to: Cell | null, 
/**
 * « Salle Lamartine, 10:00–11:30 » (the date too when the event has several days);
 * none for the tray.
 */
from_label: string | null, to_label: string | null, };
export type Cost = { hard: number, unplaced: number, 
/**
 * The warnings' weights, and the moves'.
 */
soft: number, 
/**
 * The warnings' weights alone.
 */
warnings: number, moves: number, 
/**
 * The four as one number, for a report: each part outweighs all those after it on
 * any real day.
 */
total: number, };
export type Score = { before: Cost, after: Cost, };
export type Unplaceable = { session: number, reason: string, };
export type Proposal = { 
/**
 * Every session on the grid once the proposal is applied.
 */
placements: Array<Placement>, moved: Array<Move>, score: Score, 
/**
 * The warnings that remain, as the panel would show them.
 */
warnings: Array<Warning>, unplaceable: Array<Unplaceable>, 
/**
 * Steps the search took (fewer than asked when the time limit came first).
 */
steps: number, };
