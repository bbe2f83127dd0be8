// The shapes the shell sends and receives. Those of the core are generated from its Rust
// types into ./core.ts (tests/bindings.rs), the shell's answers into ./shell.ts
// (src-tauri/src/bindings.rs); this file adds those not generated yet and the
// interface's own.

import type { BadgeRole, Day, Field, KeyedWarning, Problem, Query, SessionView } from "./core";

export * from "./core";
export * from "./shell";

export type BackupReason = "import" | "returned_workbook" | "restore" | "edits" | "asked";

export interface Backup {
  path: string;
  taken_at: string;
  reason: BackupReason;
  bytes: number;
}

// Import

export type ListKind = "submissions" | "registrations";
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

/** A query that finds everything, or what `text` names. */
export function queryFor(text = ""): Query {
  return { text, format: null, axis: null, actor_type: null, status: null, language: null, flagged: false };
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
