// A small drag layer on pointer events (mouse, pen, touch). HTML5 drag and drop is not
// used: Tauri takes it over for files dropped from the system, and WebDriver cannot drive
// it in WebKitGTK.

export interface DropTarget {
  room: number | null; // null: the tray
  slot: number | null;
}

export interface DragHandlers {
  /** Called once the pointer has moved far enough to be a drag. */
  onStart: () => void;
  /** The target under the pointer, or null over nothing droppable. */
  onOver: (target: DropTarget | null, x: number, y: number) => void;
  onDrop: (target: DropTarget | null) => void;
  onCancel: () => void;
}

const THRESHOLD = 4;

/** The droppable element under a point: a grid cell or the tray. */
export function targetAt(x: number, y: number): DropTarget | null {
  const element = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-drop]");
  if (!element) return null;
  if (element.dataset.drop === "tray") return { room: null, slot: null };
  return { room: Number(element.dataset.room), slot: Number(element.dataset.slot) };
}

/** Follows a pointer from `down` until release; a click without movement is no drag. */
export function trackDrag(down: PointerEvent, handlers: DragHandlers): void {
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
    handlers.onOver(targetAt(e.clientX, e.clientY), e.clientX, e.clientY);
  };
  const finish = (e: PointerEvent, cancelled: boolean) => {
    source.removeEventListener("pointermove", move);
    source.removeEventListener("pointerup", up);
    source.removeEventListener("pointercancel", cancel);
    window.removeEventListener("keydown", escape, true);
    if (source.hasPointerCapture(pointerId)) source.releasePointerCapture(pointerId);
    if (!dragging) return;
    if (cancelled) handlers.onCancel();
    else handlers.onDrop(targetAt(e.clientX, e.clientY));
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
