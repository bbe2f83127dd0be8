// The shapes the shell sends and receives. Those of the core are generated from its Rust
// types into ./core.ts (tests/bindings.rs); this file adds the shell's own and the
// interface's.

import type { BadgeRole, Day, KeyedWarning, Person, SessionKind, SessionView, Status } from "./core";

export * from "./core";

export interface ProjectView {
  file: string;
  file_name: string;
  day: Day;
  /** Why the project can be read but not changed, in French; null when it can. */
  read_only: string | null;
  counts: { rooms: number; slots: number; people: number; submissions: number; sessions: number; placements: number };
}

export type BackupReason = "import" | "returned_workbook" | "restore" | "edits" | "asked";

export interface Backup {
  path: string;
  taken_at: string;
  reason: BackupReason;
  bytes: number;
}

export interface RecentEntry {
  path: string;
  name: string;
  folder: string;
  /** The event's title, when the file could be read. */
  title: string | null;
  /** When the file last changed (local time). */
  modified: string | null;
}

export interface StartState {
  recent: RecentEntry[];
  project: ProjectView | null;
  error: string | null;
  pending_import: string | null;
  programme: ProgrammeAnswer | null;
}

// Import

export type ListKind = "submissions" | "registrations";
export type Field =
  | "first_name" | "last_name" | "full_name" | "email" | "phone" | "organisation" | "actor_type"
  | "country" | "format" | "axes" | "title" | "summary" | "language" | "co_speakers"
  | "submitted_at" | "external_id" | "wishes" | "accessibility" | "ignored";

export const FIELDS: Field[] = [
  "first_name", "last_name", "full_name", "email", "phone", "organisation", "actor_type", "country",
  "format", "axes", "title", "summary", "language", "co_speakers", "submitted_at", "external_id",
  "wishes", "accessibility", "ignored",
];

export type Target =
  | { type: "field"; field: Field }
  | { type: "option"; field: Field; value: string }
  | { type: "nothing" };

export interface Column {
  index: number;
  label: string;
  group: string | null;
  target: Target;
  /** How sure the mapping is, 0 to 1 (1: the organisers said it). */
  confidence: number;
  /** Why the column got its target, in French. */
  reason: string;
}

export interface ImportOptions {
  sheet?: string | null;
  /** null: what the file's content says. */
  kind: ListKind | null;
  dry_run?: boolean;
  /** The organisers' mapping, one target per column: a confirmed mapping. */
  targets?: Target[] | null;
}

/** What an import cannot do without and did not surely find. */
export type Missing = "title" | "person";

/** One column's fate, as the import's report gives it. */
export interface Fate {
  index: number;
  header: string;
  field: Field | null;
  option?: string;
  confidence: number;
  reason: string;
}

export interface Preview {
  format: string;
  sheets: string[];
  sheet: string;
  encoding: string | null;
  delimiter: string | null;
  header_row: number;
  /** What the content says the file is, and the kind it is mapped for. */
  detected_kind: ListKind;
  kind: ListKind;
  columns: Column[];
  missing: Missing[];
  /** The columns (by position) given a field without certainty: to check. */
  unsure: number[];
  rows: string[][];
  total_rows: number;
  values: ValueReading[];
  /** One of our own workbooks come back: "contributions" or "salles". */
  returned: "contributions" | "salles" | null;
}

export interface ValueReading {
  field: "actor_type" | "format";
  source: string;
  value: string;
  sure: boolean;
  rows: number;
}

export interface Problem {
  row: number;
  column: string;
  severity: "error" | "warning";
  message: string;
  /** The field the problem is about, when it is one: correcting it answers it. */
  field?: Field;
}

export interface Report {
  file: string;
  kind: ListKind;
  format: string;
  sheet: string;
  header_row: number;
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  blank: number;
  absent: { id: number; external_id: string | null; title: string }[];
  changes: { row: number; id: number; fields: string[]; kept: string[]; details?: FieldChange[] }[];
  problems: Problem[];
  dry_run: boolean;
  columns: Fate[];
  returned?: "contributions" | "salles";
}

export interface FieldChange {
  what: string;
  field: string;
  before: string;
  after: string;
}

// Review

export interface Contributor {
  person_id: number;
  first_name: string;
  last_name: string;
  email: string;
  organisation: string;
}

export interface SubmissionView {
  id: number;
  external_id: string | null;
  title: string;
  format: string;
  axes: number[];
  actor_type: string;
  language: string;
  status: Status;
  organisation: string;
  summary: string;
  co_speakers: string;
  submitted_at: string | null;
  contributors: Contributor[];
  flags: Problem[];
  duplicate_of: number | null;
  reviews: { reviewer: string; score: number | null; note: string }[];
  score: number | null;
  tags: string[];
  corrected: string[];
  notes: string;
  /** The sessions it is in (two is a warning of the programme). */
  sessions: { id: number; title: string }[];
}

export interface Query {
  text: string;
  format: string | null;
  axis: number | null;
  actor_type: string | null;
  status: string | null;
  language: string | null;
  flagged: boolean;
}

/** A query that finds everything, or what `text` names. */
export function queryFor(text = ""): Query {
  return { text, format: null, axis: null, actor_type: null, status: null, language: null, flagged: false };
}

export interface ActorLine {
  actor_type: string;
  count: number;
  share: number;
  target: number;
  by_format: Record<string, number>;
  below_target: boolean;
}

export interface Balance {
  retained: number;
  actors: ActorLine[];
  unknown_actor: number;
  by_axis: Record<string, number>;
  warnings: string[];
}

export interface ReviewView {
  submissions: SubmissionView[];
  total: number;
  balance: Balance;
  targets: Record<string, number>;
  /** What undo and redo would do now: the project's one history. */
  history: { undo: string | null; redo: string | null };
  /** The step just undone or redone. */
  done: string | null;
}

// Programme

/** What the grid shows: the day, every session, the warnings. */
export interface ProgrammeView {
  day: Day;
  sessions: SessionView[];
  warnings: KeyedWarning[];
  history: { undo: string | null; redo: string | null };
  done: string | null;
}

/** What the core answers an edit with: the sessions and warnings that changed since its
 * last answer (all of them when `complete`), and those that went away. */
export interface ProgrammeAnswer {
  day: Day | null;
  sessions: SessionView[];
  complete: boolean;
  removed: number[];
  warnings: KeyedWarning[];
  warnings_removed: string[];
  history: { undo: string | null; redo: string | null };
  done: string | null;
}

export interface VersionChange {
  kind: "added" | "removed" | "moved" | "retitled";
  session: number;
  title: string;
  before: string | null;
  after: string | null;
}

export interface VersionsView {
  versions: { name: string; created_at: string }[];
  changes: VersionChange[] | null;
}

/** Someone the project knows, as the participants' screen shows them (src/people). */
export interface Participant extends Person {
  notes: string;
  /** The badge role given by hand, if any. */
  badge_role: BadgeRole | null;
  /** The badge printed for them, if any. */
  badge: BadgeRole | null;
  wishes_for: SessionKind[];
  sessions: { id: number; title: string; role: string; when: string | null }[];
  seats: { session_id: number; session_title: string; table: number; role: string }[];
  submissions: number;
}

export interface PeopleQuery {
  text: string;
  wish: SessionKind | null;
  accessibility: boolean;
  /** A badge role, or "aucun" for no badge. */
  badge: string | null;
  organisation: string | null;
  actor_type: string | null;
  registered: boolean;
}

export interface PersonPatch {
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  organisation?: string;
  actor_type?: string;
  country?: string;
  wishes?: string;
  accessibility?: string;
  notes?: string;
  badge_role?: BadgeRole | null;
}

export interface PeopleView {
  people: Participant[];
  total: number;
  organisations: string[];
  history: { undo: string | null; redo: string | null };
  done: string | null;
}

export interface BadgeOptions {
  layout: "a4-8" | "a4-10" | "a6-4" | "a6" | "single";
  roles: BadgeRole[];
  sort: "name" | "role";
  duplex: boolean;
  qr: "vcard" | "id" | null;
  sessions: boolean;
  no_logo: boolean;
  bleed: boolean;
}

/** « À propos » (user_data::About). */
export interface About {
  version: string;
  licence: string;
  data_dir: string | null;
  backups_dir: string | null;
  project: string | null;
  project_backups: string | null;
}

/** The day's working documents (print::Paperwork). */
export type Paperwork = "signin" | "guests" | "namecards" | "cards" | "runsheet";
/** The lists among them, which also save as workbooks. */
export const PAPERWORK_LISTS: readonly Paperwork[] = ["signin", "guests", "runsheet"];

export type PrintRequest =
  | { document: "badges"; options: BadgeOptions }
  | { document: "tables"; session: number | null }
  | { document: "programme"; format: "a4" | "a5" | "booklet"; bleed: boolean }
  | { document: "signs" }
  | { document: "paperwork"; which: Paperwork };

export interface Finding {
  code: string;
  severity: "error" | "warning" | "info";
  document: string;
  message: string;
  person: number | null;
  session: number | null;
}

export interface PrintSummary {
  pages: number;
  bytes: number;
  findings: Finding[];
  file_name: string;
}

export interface Seat {
  person_id: number;
  first_name: string;
  last_name: string;
  organisation: string;
  actor_type: string;
  accessibility: boolean;
  role: "porteur" | "pair" | "animateur" | "attente";
  seat: number | null;
  pinned: boolean;
  wants: boolean;
}

export interface TablePlan {
  number: number;
  projects: string[];
  accessible: boolean;
  holders: Seat[];
  peers: Seat[];
  animateur: Seat | null;
}

export interface Broken {
  table: number | null;
  rule: string;
  message: string;
}

export interface SessionSeating {
  session: number;
  title: string;
  room_id: number | null;
  slot_id: number | null;
  tables: TablePlan[];
  broken: Broken[];
  waiting: Seat[];
  /** Registered people who asked for a centrifugeuse, seated or not. */
  wishing: number;
}

export type SeatTarget = { to: "seat"; table: number; seat: number } | { to: "table"; table: number } | { to: "off" };

export type ExportKind = "cese" | "contributions" | "ics" | "schedule-xml" | "schedule-json" | "mailing";
