// A small drag layer (mouse, pen, finger), shared by the grid and the table plans. HTML5
// drag and drop is not used: Tauri takes it over for files dropped from the system, and
// WebDriver cannot drive it in WebKitGTK.
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

/** How close to the edge of a scrolling area (`data-autoscroll`) a drag scrolls it, and
 * how fast at the very edge (pixels per frame). */
const EDGE = 48;
const FASTEST = 18;

/** Scrolls the area under the point while the point stays near one of its edges, telling
 * `moved` after each step (what is under the pointer changed). Returns a stop function. */
function edgeScroller(moved: () => void) {
  let x = 0;
  let y = 0;
  let frame = 0;
  const speed = (inside: number) => (inside >= EDGE ? 0 : Math.ceil(FASTEST * (1 - Math.max(0, inside) / EDGE)));
  const step = () => {
    frame = 0;
    const area = [...document.querySelectorAll<HTMLElement>("[data-autoscroll]")].find((a) => {
      const r = a.getBoundingClientRect();
      return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
    });
    if (!area) return;
    const r = area.getBoundingClientRect();
    const dx = speed(r.right - x) - speed(x - r.left);
    const dy = speed(r.bottom - y) - speed(y - r.top);
    const before = [area.scrollLeft, area.scrollTop];
    area.scrollBy(dx, dy);
    if (area.scrollLeft === before[0] && area.scrollTop === before[1]) return;
    moved();
    frame = requestAnimationFrame(step);
  };
  return {
    at(px: number, py: number) {
      x = px;
      y = py;
      if (!frame) frame = requestAnimationFrame(step);
    },
    stop() {
      cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}

/** What a drag does between its first point and the release: the same for a mouse, a pen
 * and a finger. */
function follow<T>(x0: number, y0: number, read: ReadTarget<T>, handlers: DragHandlers<T>) {
  let dragging = false;
  let last = { x: x0, y: y0 };
  const scroller = edgeScroller(() => handlers.onOver(targetAt(last.x, last.y, read), last.x, last.y));
  const escape = (e: KeyboardEvent) => {
    if (e.key === "Escape" && dragging) {
      e.preventDefault();
      dragging = false;
      scroller.stop();
      delete document.body.dataset.dragging;
      handlers.onCancel();
    }
  };
  window.addEventListener("keydown", escape, true);
  return {
    move(x: number, y: number) {
      if (!dragging) {
        if (Math.hypot(x - x0, y - y0) < THRESHOLD) return;
        dragging = true;
        // Said on the page, so that a refresh from outside waits for the drop.
        document.body.dataset.dragging = "pointer";
        handlers.onStart();
      }
      last = { x, y };
      handlers.onOver(targetAt(x, y, read), x, y);
      scroller.at(x, y);
    },
    /** Ends the drag; says whether there was one (a release without one is a click). */
    end(x: number, y: number, cancelled: boolean): boolean {
      window.removeEventListener("keydown", escape, true);
      scroller.stop();
      delete document.body.dataset.dragging;
      if (!dragging) return false;
      if (cancelled) handlers.onCancel();
      else handlers.onDrop(targetAt(x, y, read));
      return true;
    },
  };
}

/** Follows a mouse or pen from `down` until release; a click without movement is no drag. */
function trackPointer<T>(down: PointerEvent, read: ReadTarget<T>, handlers: DragHandlers<T>): void {
  const source = down.currentTarget as HTMLElement;
  const { pointerId } = down;
  const drag = follow(down.clientX, down.clientY, read, handlers);
  source.setPointerCapture(pointerId);
  const move = (e: PointerEvent) => drag.move(e.clientX, e.clientY);
  const finish = (e: PointerEvent, cancelled: boolean) => {
    source.removeEventListener("pointermove", move);
    source.removeEventListener("pointerup", up);
    source.removeEventListener("pointercancel", cancel);
    if (source.hasPointerCapture(pointerId)) source.releasePointerCapture(pointerId);
    drag.end(e.clientX, e.clientY, cancelled);
  };
  const up = (e: PointerEvent) => finish(e, false);
  const cancel = (e: PointerEvent) => finish(e, true);
  source.addEventListener("pointermove", move);
  source.addEventListener("pointerup", up);
  source.addEventListener("pointercancel", cancel);
}

/** Until when the mouse events WebKitGTK makes up from a touch are ignored: a while after
 * the last touch event, so that a touch whose end never came cannot leave the mouse dead. */
let touchedUntil = 0;
const STILL_TOUCHING = 2000;
const AFTER_TOUCH = 500;
const MADE_UP = ["pointerdown", "pointermove", "pointerup", "mousedown", "mousemove", "mouseup", "click"];

/** WebKitGTK follows each touch with mouse events of its own making (a pointerdown, moves, a
 * click), even when the page kept the touch. During a touch on a drag source and a moment
 * after, they would move or open what the finger just moved: they stop here. A click the
 * page makes itself (`isTrusted` false) goes through. */
function ignoreMadeUpMouse() {
  for (const type of MADE_UP) {
    window.addEventListener(
      type,
      (e) => {
        const mouse = !(e instanceof PointerEvent) || e.pointerType === "mouse";
        if (e.isTrusted && mouse && performance.now() < touchedUntil) {
          e.stopImmediatePropagation();
          e.preventDefault();
        }
      },
      true,
    );
  }
}
ignoreMadeUpMouse();

/** Follows the finger that touched `source` until it leaves the screen. A touch's events
 * all go to the element it began on, so no capture is needed. */
function trackTouch<T>(start: TouchEvent, source: HTMLElement, read: ReadTarget<T>, handlers: DragHandlers<T>): void {
  const finger = start.changedTouches[0];
  const drag = follow(finger.clientX, finger.clientY, read, handlers);
  touchedUntil = performance.now() + STILL_TOUCHING;
  const ours = (e: TouchEvent) => [...e.changedTouches].find((t) => t.identifier === finger.identifier);
  const move = (e: TouchEvent) => {
    const touch = ours(e);
    if (!touch) return;
    e.preventDefault();
    touchedUntil = performance.now() + STILL_TOUCHING;
    drag.move(touch.clientX, touch.clientY);
  };
  const finish = (e: TouchEvent, cancelled: boolean) => {
    const touch = ours(e);
    if (!touch) return;
    source.removeEventListener("touchmove", move);
    source.removeEventListener("touchend", end);
    source.removeEventListener("touchcancel", cancel);
    touchedUntil = performance.now() + AFTER_TOUCH;
    if (!drag.end(touch.clientX, touch.clientY, cancelled) && !cancelled) {
      // A tap: what a click does, made here since the click WebKit makes up is ignored.
      source.focus();
      source.click();
    }
  };
  const end = (e: TouchEvent) => finish(e, false);
  const cancel = (e: TouchEvent) => finish(e, true);
  source.addEventListener("touchmove", move, { passive: false });
  source.addEventListener("touchend", end);
  source.addEventListener("touchcancel", cancel);
}

/**
 * Makes an element a drag source, for `{@attach draggable(read, handlers)}`: `handlers` is
 * asked for what to do each time a drag may begin.
 *
 * A mouse or a pen is followed through pointer events. A finger through touch events:
 * WebKitGTK gives a touch no pointer events of its own. What pointer events see of a finger
 * are mouse events WebKit makes up from the touches the page leaves alone, only while its
 * own gestures (scrolling under a finger, long press) do not take them, and even then they
 * lost sessions on the way (tests/e2e/grid.rs: from the tray to the last free cell in view,
 * never arrived). So a touch that begins on a drag source is the page's (`preventDefault` on
 * listeners that are not passive), followed through its own events; the mouse events WebKit
 * still makes up from it are ignored, and a tap clicks the element.
 */
export function draggable<T>(read: ReadTarget<T>, handlers: () => DragHandlers<T>) {
  return (element: HTMLElement) => {
    const pointerDown = (e: PointerEvent) => {
      if (e.button !== 0 || e.pointerType === "touch") return;
      trackPointer(e, read, handlers());
    };
    const touchStart = (e: TouchEvent) => {
      if (e.touches.length !== 1) return;
      e.preventDefault();
      trackTouch(e, element, read, handlers());
    };
    element.addEventListener("pointerdown", pointerDown);
    element.addEventListener("touchstart", touchStart, { passive: false });
    return () => {
      element.removeEventListener("pointerdown", pointerDown);
      element.removeEventListener("touchstart", touchStart);
    };
  };
}
