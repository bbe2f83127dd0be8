// The shapes the shell sends and receives are generated: the core's from its Rust types
// into ./core.ts (tests/bindings.rs), the shell's answers into ./shell.ts
// (src-tauri/src/bindings.rs). This file adds the interface's own.

import type { Day, KeyedWarning, Paperwork, Query, SessionView } from "./core";

export * from "./core";
export * from "./shell";

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

/** The day's papers that are lists, which also save as workbooks. */
export const PAPERWORK_LISTS: readonly Paperwork[] = ["signin", "guests", "runsheet"];

export type ExportKind = "cese" | "contributions" | "ics" | "schedule-xml" | "schedule-json" | "mailing";
