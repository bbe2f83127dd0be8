// How an estimated audience was made, in the interface's language (the core says it in
// French in its warnings).

import { t, tn, type Key } from "./i18n/index.svelte";
import type { Estimate, SessionKind } from "./types";

export function estimateSentence(estimate: Estimate, kind: SessionKind): string {
  const parts = [tn("estimate.wishing", estimate.wishing, { kind: t(`estimate.kind.${kind}` as Key) })];
  const unplaced = estimate.placed ? "" : ".unplaced";
  if (estimate.among <= 1) parts.push(t(`estimate.alone${unplaced}` as Key));
  else parts.push(t(`estimate.shared${unplaced}` as Key, { n: estimate.among }));
  if (estimate.room_share !== null) parts.push(t("estimate.share", { share: estimate.room_share }));
  return t("estimate.sentence", { n: estimate.people, how: parts.join(", ") });
}
