// Drag and drop with the keyboard, the same on the grid and the table plans: Space (or
// Enter) picks up, arrows choose the place, Space or Enter drops, Escape cancels, Delete
// sends what is focused back where it came from. Each screen says what these mean for it.

export interface KeyboardMoves {
  /** Nothing is being moved. */
  idle: boolean;
  /** The focused element is the one being moved with the keyboard. */
  holding: boolean;
  /** Space or Enter on something while nothing is moved. */
  pickUp: (key: " " | "Enter") => void;
  /** Delete while nothing is moved; absent where Delete means nothing. */
  remove?: () => void;
  drop: () => void;
  cancel: () => void;
  /** An arrow: one step across (dx) or down (dy). */
  move: (dx: number, dy: number) => void;
}

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** Handles `e` for the focused element; keys it uses do not reach the page. */
export function keyboardMoves(e: KeyboardEvent, moves: KeyboardMoves) {
  const used = () => e.preventDefault();
  if (moves.idle) {
    if (e.key === " " || e.key === "Enter") {
      used();
      moves.pickUp(e.key);
    } else if (e.key === "Delete" && moves.remove) {
      used();
      moves.remove();
    }
    return;
  }
  if (!moves.holding) return;
  if (e.key === "Escape") {
    used();
    moves.cancel();
  } else if (e.key === " " || e.key === "Enter") {
    used();
    moves.drop();
  } else if (e.key in ARROWS) {
    used();
    moves.move(...ARROWS[e.key]);
  }
}
