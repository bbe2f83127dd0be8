import type { SessionView, KeyedWarning } from "../types";

/** What one cell of the grid holds. Each cell of the grid reads its own, so an answer that
 * changes two cells re-renders two cells. (Kept in a SvelteMap instead, every cell the map
 * had no entry for depended on the map's keys: a warning appearing anywhere re-ran
 * hundreds of empty cells.) */
export class Cell {
  sessions = $state.raw<SessionView[]>([]);
  warnings = $state.raw<KeyedWarning[]>([]);
}

/** The key of a cell: its room and slot. */
export function cellKey(room: number, slot: number): string {
  return `${room}:${slot}`;
}

/** The cells of the grid by key, each made on first use. */
export class Cells {
  #cells = new Map<string, Cell>();

  at(key: string): Cell {
    let cell = this.#cells.get(key);
    if (!cell) {
      cell = new Cell();
      this.#cells.set(key, cell);
    }
    return cell;
  }

  /** Puts each session in the cell it is placed in; a cell's list is replaced only when
   * it holds other sessions than before. */
  placeSessions(sessions: SessionView[]) {
    this.#regroup(
      sessions,
      (s) => (s.placement ? cellKey(s.placement.room_id, s.placement.slot_id) : null),
      (cell) => cell.sessions,
      (cell, list) => (cell.sessions = list),
    );
  }

  /** Puts each warning in the cell it names, or, when it names no room (someone expected
   * in two places at once), in the cell of each placed session it is about. */
  placeWarnings(warnings: KeyedWarning[], sessions: SessionView[]) {
    const placed = new Map(sessions.filter((s) => s.placement).map((s) => [s.id, cellKey(s.placement!.room_id, s.placement!.slot_id)]));
    this.#regroup(
      warnings,
      (w) =>
        w.room !== null && w.slot !== null
          ? [cellKey(w.room, w.slot)]
          : [...new Set(w.sessions.map((id) => placed.get(id)).filter((k): k is string => k !== undefined))],
      (cell) => cell.warnings,
      (cell, list) => (cell.warnings = list),
    );
  }

  #regroup<T>(items: T[], keyOf: (item: T) => string | null | string[], get: (cell: Cell) => T[], set: (cell: Cell, list: T[]) => void) {
    const next = new Map<string, T[]>();
    for (const item of items) {
      const found = keyOf(item);
      const keys = found === null ? [] : typeof found === "string" ? [found] : found;
      for (const key of keys) {
        const list = next.get(key);
        if (list) list.push(item);
        else next.set(key, [item]);
      }
    }
    for (const [key, cell] of this.#cells) {
      if (!next.has(key) && get(cell).length > 0) set(cell, []);
    }
    for (const [key, list] of next) {
      const cell = this.at(key);
      const old = get(cell);
      if (old.length !== list.length || old.some((item, i) => item !== list[i])) set(cell, list);
    }
  }
}
