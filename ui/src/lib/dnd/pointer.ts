// A small drag layer on pointer events (mouse, pen, touch), shared by the grid and the
// table plans. HTML5 drag and drop is not used: Tauri takes it over for files dropped from
// the system, and WebDriver cannot drive it in WebKitGTK.
//
// Droppable elements carry `data-drop`; each screen reads its own kind of target from them.

export interface DragHandlers<T> {
  /** Called once the pointer has moved far enough to be a drag. */
  onStart: () => void;
  /** The target under the pointer, or null over nothing droppable. */
  onOver: (target: T | null, x: number, y: number) => void;
  onDrop: (target: T | null) => void;
  onCancel: () => void;
}

/** Reads a target from a droppable element, or null when it is not one of the screen's. */
export type ReadTarget<T> = (element: HTMLElement) => T | null;

const THRESHOLD = 4;

/** A place on the grid: a cell, or the tray (room and slot null). */
export interface DropTarget {
  room: number | null;
  slot: number | null;
}

export const gridTarget: ReadTarget<DropTarget> = (element) => {
  if (element.dataset.drop === "tray") return { room: null, slot: null };
  if (element.dataset.drop !== "cell") return null;
  return { room: Number(element.dataset.room), slot: Number(element.dataset.slot) };
};

/** The droppable element under a point, read as a target. */
export function targetAt<T>(x: number, y: number, read: ReadTarget<T>): T | null {
  const element = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-drop]");
  return element ? read(element) : null;
}

/** Follows a pointer from `down` until release; a click without movement is no drag. */
export function trackDrag<T>(down: PointerEvent, read: ReadTarget<T>, handlers: DragHandlers<T>): void {
  const source = down.currentTarget as HTMLElement;
  const { clientX: x0, clientY: y0, pointerId } = down;
  let dragging = false;
  source.setPointerCapture(pointerId);

  const move = (e: PointerEvent) => {
    if (!dragging) {
      if (Math.hypot(e.clientX - x0, e.clientY - y0) < THRESHOLD) return;
      dragging = true;
      handlers.onStart();
    }
    handlers.onOver(targetAt(e.clientX, e.clientY, read), e.clientX, e.clientY);
  };
  const finish = (e: PointerEvent, cancelled: boolean) => {
    source.removeEventListener("pointermove", move);
    source.removeEventListener("pointerup", up);
    source.removeEventListener("pointercancel", cancel);
    window.removeEventListener("keydown", escape, true);
    if (source.hasPointerCapture(pointerId)) source.releasePointerCapture(pointerId);
    if (!dragging) return;
    if (cancelled) handlers.onCancel();
    else handlers.onDrop(targetAt(e.clientX, e.clientY, read));
  };
  const up = (e: PointerEvent) => finish(e, false);
  const cancel = (e: PointerEvent) => finish(e, true);
  const escape = (e: KeyboardEvent) => {
    if (e.key === "Escape" && dragging) {
      e.preventDefault();
      dragging = false;
      handlers.onCancel();
    }
  };
  source.addEventListener("pointermove", move);
  source.addEventListener("pointerup", up);
  source.addEventListener("pointercancel", cancel);
  window.addEventListener("keydown", escape, true);
}
