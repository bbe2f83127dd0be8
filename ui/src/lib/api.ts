// The one place that knows the names of the shell's commands. Every call returns what
// the core returned, or rejects with a `Failure`: a code and the French message.

import { invoke as tauriInvoke } from "@tauri-apps/api/core";
import type {
  Backup,
  Event,
  ExportKind,
  CellFit,
  NewSession,
  Person,
  PeopleQuery,
  PeopleView,
  PersonPatch,
  ProgrammeAnswer,
  Proposal,
  PrintRequest,
  About,
  Paperwork,
  PrintSummary,
  VersionsView,
  ImportOptions,
  Preview,
  Query,
  Report,
  ReviewView,
  NewRoom,
  NewSlot,
  ProjectView,
  RoomPatch,
  SeatTarget,
  SessionSeating,
  SlotPatch,
  StartState,
  SubmissionView,
} from "./types";

// The grid's programme, when it came with the start state (a project opened at launch):
// the grid's first call takes it instead of asking again. Any other call to the core
// may change the project, so it is dropped then.
let launchProgramme: ProgrammeAnswer | null = null;

function invoke<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  launchProgramme = null;
  return tauriInvoke<T>(command, args);
}

export const api = {
  printPreview: (request: PrintRequest) => invoke<PrintSummary>("print_preview", { request }),
  printPdf: () => invoke<ArrayBuffer>("print_pdf"),
  savePrint: () => invoke<string | null>("save_print"),
  about: () => invoke<About>("about"),
  savePaperworkWorkbook: (which: Paperwork) => invoke<string | null>("save_paperwork_workbook", { which }),
  openFile: (path: string) => invoke<void>("open_file", { path }),
  revealFile: (path: string) => invoke<void>("reveal_file", { path }),
  saveExport: (kind: ExportKind) => invoke<string | null>("save_export", { export: kind }),
  centrifugeuseSessions: () => invoke<{ id: number; title: string }[]>("centrifugeuse_sessions"),
  badgeLogo: () => invoke<string | null>("badge_logo"),
  chooseLogo: () => invoke<string | null>("choose_logo"),
  removeLogo: () => invoke<void>("remove_logo"),

  seating: (session: number) => invoke<SessionSeating>("seating", { session }),
  moveSeat: (session: number, person: number, target: SeatTarget) =>
    invoke<SessionSeating>("move_seat", { session, person, target }),
  assignTables: (session: number) => invoke<SessionSeating>("assign_tables", { session }),

  startState: async () => {
    const start = await invoke<StartState>("start_state");
    launchProgramme = start.programme;
    return start;
  },
  openProject: (path: string) => invoke<ProjectView>("open_project", { path }),
  openProjectDialog: () => invoke<ProjectView | null>("open_project_dialog"),
  newProjectDialog: (template: string) =>
    invoke<ProjectView | null>("new_project_dialog", { template }),
  openDemo: () => invoke<ProjectView>("open_demo"),
  closeProject: () => invoke<void>("close_project"),
  forgetRecent: (path: string) => invoke<void>("forget_recent", { path }),

  getDay: () => invoke<ProjectView>("get_day"),
  listBackups: () => invoke<Backup[]>("list_backups"),
  backupNow: () => invoke<Backup[]>("backup_now"),
  restoreBackup: (name: string) => invoke<ProjectView>("restore_backup", { name }),
  projectChanged: () => invoke<boolean>("project_changed"),
  updateEvent: (event: Event) => invoke<ProjectView>("update_event", { event }),
  addRoom: (room: NewRoom) => invoke<ProjectView>("add_room", { room }),
  updateRoom: (id: number, patch: RoomPatch) => invoke<ProjectView>("update_room", { id, patch }),
  moveRoom: (id: number, delta: number) => invoke<ProjectView>("move_room", { id, delta }),
  removeRoom: (id: number) => invoke<ProjectView>("remove_room", { id }),
  addSlot: (slot: NewSlot) => invoke<ProjectView>("add_slot", { slot }),
  updateSlot: (id: number, patch: SlotPatch) => invoke<ProjectView>("update_slot", { id, patch }),
  removeSlot: (id: number) => invoke<ProjectView>("remove_slot", { id }),

  programmeState: () => {
    const ready = launchProgramme;
    return ready ? ((launchProgramme = null), Promise.resolve(ready)) : invoke<ProgrammeAnswer>("programme_state");
  },
  placeSession: (session: number, room: number, slot: number) =>
    invoke<ProgrammeAnswer>("place_session", { session, room, slot }),
  unplaceSession: (session: number) => invoke<ProgrammeAnswer>("unplace_session", { session }),
  pinSession: (session: number, pinned: boolean) => invoke<ProgrammeAnswer>("pin_session", { session, pinned }),
  proposeProgramme: (onlyUnplaced: boolean) => invoke<Proposal>("propose_programme", { onlyUnplaced }),
  applyProposal: () => invoke<ProgrammeAnswer>("apply_proposal"),
  undo: () => invoke<ProgrammeAnswer>("undo"),
  restoreVersion: (name: string) => invoke<ProgrammeAnswer>("restore_version", { name }),
  redo: () => invoke<ProgrammeAnswer>("redo"),
  addSession: (session: NewSession) => invoke<ProgrammeAnswer>("add_session", { session }),
  updateSession: (id: number, patch: Partial<NewSession>) => invoke<ProgrammeAnswer>("update_session", { id, patch }),
  removeSession: (id: number) => invoke<ProgrammeAnswer>("remove_session", { id }),
  reorderContributions: (session: number, submissions: number[]) =>
    invoke<ProgrammeAnswer>("reorder_contributions", { session, submissions }),
  addContribution: (session: number, submission: number) =>
    invoke<ProgrammeAnswer>("add_contribution", { session, submission }),
  removeContribution: (session: number, submission: number) =>
    invoke<ProgrammeAnswer>("remove_contribution", { session, submission }),
  sessionFits: (session: number) => invoke<CellFit[]>("session_fits", { session }),
  setQaMinutes: (session: number, submission: number, minutes: number) =>
    invoke<ProgrammeAnswer>("set_qa_minutes", { session, submission, minutes }),
  findPeople: (text: string) => invoke<Person[]>("find_people", { text }),
  addSessionPerson: (session: number, person: number, role: string) =>
    invoke<ProgrammeAnswer>("add_session_person", { session, person, role }),
  addNewPersonToSession: (
    session: number,
    person: { firstName: string; lastName: string; organisation: string; actorType: string },
    role: string,
  ) => invoke<ProgrammeAnswer>("add_new_person_to_session", { session, ...person, role }),
  removeSessionPerson: (session: number, person: number, role: string) =>
    invoke<ProgrammeAnswer>("remove_session_person", { session, person, role }),
  setTable: (session: number, submission: number, table: number | null) =>
    invoke<ProgrammeAnswer>("set_table", { session, submission, table }),
  listVersions: () => invoke<VersionsView>("list_versions"),
  saveVersion: (name: string) => invoke<VersionsView>("save_version", { name }),
  diffVersion: (name: string) => invoke<VersionsView>("diff_version", { name }),

  pickSpreadsheet: () => invoke<string | null>("pick_spreadsheet"),
  previewImport: (path: string, options: ImportOptions) =>
    invoke<Preview>("preview_import", { path, options }),
  runImport: (path: string, options: ImportOptions) => invoke<Report>("run_import", { path, options }),
  cancelImport: () => invoke<void>("cancel_import"),
  setValueMapping: (path: string, options: ImportOptions, field: string, source: string, value: string) =>
    invoke<Preview>("set_value_mapping", { path, options, field, source, value }),
  /** The column mappings remembered across projects, saved where the organiser says. */
  exportMappings: () => invoke<string | null>("export_mappings"),
  /** A co-organiser's mappings added to ours; how many, or null when cancelled. */
  importMappings: () => invoke<number | null>("import_mappings"),

  peopleState: (query: PeopleQuery) => invoke<PeopleView>("people_state", { query }),
  updatePerson: (query: PeopleQuery, id: number, patch: PersonPatch) => invoke<PeopleView>("update_person", { query, id, patch }),
  mergePeople: (query: PeopleQuery, keep: number, other: number) => invoke<PeopleView>("merge_people", { query, keep, other }),
  peopleUndo: (query: PeopleQuery) => invoke<PeopleView>("people_undo", { query }),
  peopleRedo: (query: PeopleQuery) => invoke<PeopleView>("people_redo", { query }),
  reviewState: (query: Query) => invoke<ReviewView>("review_state", { query }),
  reviewUndo: (query: Query) => invoke<ReviewView>("review_undo", { query }),
  reviewRedo: (query: Query) => invoke<ReviewView>("review_redo", { query }),
  findSubmissions: (query: Query) => invoke<SubmissionView[]>("find_submissions", { query }),
  setStatuses: (query: Query, ids: number[], status: string) =>
    invoke<ReviewView>("set_statuses", { query, ids, status }),
  reviewSubmission: (query: Query, id: number, reviewer: string, score: number | null, note: string) =>
    invoke<ReviewView>("review_submission", { query, id, reviewer, score, note }),
  setTags: (query: Query, id: number, tags: string[]) => invoke<ReviewView>("set_tags", { query, id, tags }),
  correctSubmission: (query: Query, id: number, field: string, value: string) =>
    invoke<ReviewView>("correct_submission", { query, id, field, value }),
  setBalanceTargets: (query: Query, targets: Record<string, number>) =>
    invoke<ReviewView>("set_balance_targets", { query, targets }),
};

/** The message of a rejected command (the core sends a French sentence). */
/** What a command answers when it fails (the shell's `Failure`): a code a program can
 * test (« busy », « read_only », « no_project », « internal »…) and the French message. */
export interface Failure {
  code: string;
  message: string;
}

/** The French message of a failed command (or of any error). */
export function messageOf(error: unknown): string {
  if (typeof error === "string") return error;
  if (error !== null && typeof error === "object" && "message" in error) return String(error.message);
  return String(error);
}

/** The code of a failed command, when it is one. */
export function codeOf(error: unknown): string | null {
  return error !== null && typeof error === "object" && "code" in error ? String(error.code) : null;
}
