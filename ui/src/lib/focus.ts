// Focus never falls to the page's body: whatever takes the keyboard's place away (a panel
// that closes, an undo that draws a session anew) gives it back where the person was.

/** Remembers where the keyboard is now; the function returned puts it back there, or on
 * the element drawn anew for the same session or room, unless the focus has meanwhile
 * gone somewhere on purpose. */
export function rememberFocus(fallback?: string): () => void {
  const was = document.activeElement as HTMLElement | null;
  const session = was?.closest<HTMLElement>("[data-session-id]")?.dataset.sessionId;
  const room = was?.closest<HTMLElement>("[data-room-id]")?.dataset.roomId;
  return () =>
    setTimeout(() => {
      const now = document.activeElement;
      if (now && now !== document.body && now.isConnected) return;
      const again =
        (was?.isConnected && was !== document.body ? was : null) ??
        (session ? document.querySelector<HTMLElement>(`button[data-session-id="${session}"]`) : null) ??
        (room ? document.querySelector<HTMLElement>(`[data-room-id="${room}"] button`) : null) ??
        (fallback ? document.querySelector<HTMLElement>(fallback) : null);
      again?.focus();
    }, 0);
}
