// Generated from the shell's Rust types by src-tauri/src/bindings.rs (ts-rs): do not
// edit. After changing a type: UPDATE_BINDINGS=1 cargo test -p journee-app bindings

import type { Balance, Counts, Day, Finding, KeyedWarning, Participant, SessionView, SubmissionView, Targets, VersionChange, VersionInfo } from "./core";

export type Failure = { code: string, message: string, };
export type History = { undo: string | null, redo: string | null, };
export type ProjectView = { file: string, file_name: string, day: Day, 
/**
 * Why the project can be read but not changed (a protected file, folder or disk, a
 * full disk), in French; None when it can be changed.
 */
read_only: string | null, 
/**
 * How many of each thing it holds (the next step an empty screen suggests).
 */
counts: Counts, };
export type RecentEntry = { path: string, name: string, folder: string, title: string | null, 
/**
 * Local time, « 2019-03-12T18:34:00 ».
 */
modified: string | null, };
export type StartState = { recent: Array<RecentEntry>, 
/**
 * The project open now, if any (at start: the one asked on the command line, or the
 * last one used).
 */
project: ProjectView | null, 
/**
 * Why the project asked at launch could not be opened.
 */
error: string | null, 
/**
 * A spreadsheet given with `--import`, for the import screen to open (once).
 */
pending_import: string | null, 
/**
 * The grid's whole programme, when a project was opened at launch: the first paint
 * is then the grid with its sessions, without a second round trip.
 */
programme: ProgrammeAnswer | null, };
export type ProgrammeAnswer = { 
/**
 * The rooms and slots: sent by `programme_state` only, as programme edits leave them.
 */
day: Day | null, 
/**
 * Every session (`complete`), or those that changed since the last answer.
 */
sessions: Array<SessionView>, complete: boolean, 
/**
 * Sessions gone since the last answer.
 */
removed: Array<number>, 
/**
 * Every warning (`complete`), or those that appeared since the last answer; in the
 * core's order either way.
 */
warnings: Array<KeyedWarning>, 
/**
 * The keys of the warnings that went away since the last answer.
 */
warnings_removed: Array<string>, history: History, 
/**
 * What the last undo or redo did, for the screen reader and the status line.
 */
done: string | null, };
export type VersionsView = { versions: Array<VersionInfo>, 
/**
 * The changes since the version asked for, if one was.
 */
changes: Array<VersionChange> | null, };
export type ReviewView = { submissions: Array<SubmissionView>, 
/**
 * How many submissions the project has, whatever the filters.
 */
total: number, balance: Balance, targets: Targets, 
/**
 * What undo and redo would do now (the one history of the project).
 */
history: History, 
/**
 * The step just undone or redone, to say so.
 */
done: string | null, };
export type PeopleView = { people: Array<Participant>, 
/**
 * How many people the project knows, whatever the filters.
 */
total: number, 
/**
 * The organisations met, for the filter (each once, as first written).
 */
organisations: Array<string>, history: History, 
/**
 * The step just undone or redone.
 */
done: string | null, };
export type PrintSummary = { pages: number, bytes: number, findings: Array<Finding>, file_name: string, };
export type CentrifugeuseSession = { id: number, title: string, };
