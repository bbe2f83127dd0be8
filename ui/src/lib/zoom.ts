// The app's own zoom, as in a browser: Ctrl+= (or Ctrl++) enlarges, Ctrl+- reduces,
// Ctrl+0 goes back to 100 % (⌘ on a Mac). The web view's zoom, not a CSS scale: the page
// is laid out again for the smaller viewport, so the narrow layout of app.css takes over
// (WCAG 1.4.4 and 1.4.10). Remembered on this computer.
import { getCurrentWebview } from "@tauri-apps/api/webview";

const STEPS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
const KEY = "journee.zoom";

function saved(): number {
  const z = Number(localStorage.getItem(KEY));
  return STEPS.includes(z) ? z : 1;
}

async function apply(z: number) {
  localStorage.setItem(KEY, String(z));
  document.documentElement.dataset.zoom = String(z);
  await getCurrentWebview().setZoom(z);
}

/** At start: the zoom chosen last time (the web view starts at 100 %). */
export async function restoreZoom(): Promise<void> {
  const z = saved();
  if (z !== 1) await apply(z);
}

/** The zoom keys; returns the new zoom when one of them was pressed. */
export function zoomKeys(e: KeyboardEvent): number | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const now = saved();
  const at = STEPS.indexOf(now);
  let next: number;
  if (e.key === "=" || e.key === "+") next = STEPS[Math.min(STEPS.length - 1, at + 1)];
  else if (e.key === "-") next = STEPS[Math.max(0, at - 1)];
  else if (e.key === "0") next = 1;
  else return null;
  e.preventDefault();
  apply(next);
  return next;
}
