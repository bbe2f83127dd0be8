// The shapes the core sends, as serde writes them (see src/model in the Rust core).

export type RoomKind = "pleniere" | "centrifugeuse" | "formation" | "atelier" | "autre";
export type SlotKind = "session" | "pause" | "dejeuner" | "soiree";

export const ROOM_KINDS: RoomKind[] = ["pleniere", "centrifugeuse", "formation", "atelier", "autre"];
export const SLOT_KINDS: SlotKind[] = ["session", "pause", "dejeuner", "soiree"];

export interface Event {
  title: string;
  start_date: string;
  end_date: string;
  venue: string;
  address: string;
  organisers: string;
  timezone: string;
}

export interface Room {
  id: number;
  name: string;
  capacity: number;
  kind: RoomKind;
  notes: string;
  interpretation: boolean;
  track_id: number | null;
  position: number;
}

export interface Slot {
  id: number;
  date: string;
  start: string;
  end: string | null;
  kind: SlotKind;
  label: string;
}

export interface RoomGroup {
  kind: RoomKind;
  rooms: number;
}

export interface PlacedSession {
  session_id: number;
  title: string;
  kind: string;
  language: string;
  room_id: number;
  slot_id: number;
}

export interface Day {
  event: Event;
  groups: RoomGroup[];
  rooms: Room[];
  slots: Slot[];
  placements: PlacedSession[];
}

export interface ProjectView {
  file: string;
  file_name: string;
  day: Day;
}

export interface RecentEntry {
  path: string;
  name: string;
  folder: string;
}

export interface StartState {
  recent: RecentEntry[];
  project: ProjectView | null;
  error: string | null;
}

export interface NewRoom {
  name: string;
  capacity: number;
  kind: RoomKind;
  notes?: string;
  interpretation?: boolean;
}

export interface RoomPatch {
  name?: string;
  capacity?: number;
  kind?: RoomKind;
  notes?: string;
  interpretation?: boolean;
}

export interface NewSlot {
  date: string;
  start: string;
  end: string | null;
  kind: SlotKind;
  label?: string;
}

export interface SlotPatch {
  date?: string;
  start?: string;
  end?: string | null;
  kind?: SlotKind;
  label?: string;
}
