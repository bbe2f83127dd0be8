import type { KeyedWarning } from "../types";

/** The warnings after an edit, in the core's order: `previous` without those `removed`,
 * with those `added` put at their places in the whole list (the core sends them in that
 * order, so each place is already right when it is filled). */
export function afterEdit(previous: KeyedWarning[], removed: string[], added: KeyedWarning[]): KeyedWarning[] {
  const gone = new Set(removed);
  const next = previous.filter((w) => !gone.has(w.key));
  for (const w of added) next.splice(w.position, 0, w);
  return next;
}
