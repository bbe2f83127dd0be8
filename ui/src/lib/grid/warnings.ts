import type { WarningView } from "../types";

const severityRank = { error: 0, warning: 1, info: 2 };
const collator = new Intl.Collator();

/** Errors first, then by code and message: the same order whatever the edits were. */
export function bySeverity(a: WarningView, b: WarningView): number {
  return severityRank[a.severity] - severityRank[b.severity] || a.code.localeCompare(b.code) || collator.compare(a.message, b.message);
}

/** The warnings after an edit, in order: `previous` (in order) without those `removed`,
 * with those `added` merged in. An edit changes a few warnings out of hundreds: merged
 * in one pass rather than sorting them all again. */
export function afterEdit(previous: WarningView[], removed: string[], added: WarningView[]): WarningView[] {
  const gone = new Set(removed);
  const fresh = [...added].sort(bySeverity);
  const next: WarningView[] = [];
  let i = 0;
  for (const w of previous) {
    if (gone.has(w.key)) continue;
    while (i < fresh.length && bySeverity(fresh[i], w) < 0) next.push(fresh[i++]);
    next.push(w);
  }
  next.push(...fresh.slice(i));
  return next;
}
