// The visitor token survives page reloads in localStorage (per channel). Storage may be blocked
// (private modes, strict cookie settings): then the chat still works for this page view.
const keyFor = (channel: string) => `parley:visitor:${channel}`;

export function loadToken(channel: string): string | null {
  try {
    return window.localStorage.getItem(keyFor(channel));
  } catch {
    return null;
  }
}

export function saveToken(channel: string, token: string): void {
  try {
    window.localStorage.setItem(keyFor(channel), token);
  } catch {
    // Not persisted: a reload starts a new chat.
  }
}
