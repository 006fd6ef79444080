// Inbox keyboard shortcuts. Letters act only when no text field has focus; Esc always works.
import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  next(): void;
  prev(): void;
  open(): void;
  reply(): void;
  note(): void;
  resolve(): void;
  help(): void;
  search(): void;
  escape(): void;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const h = ref.current;
      if (e.key === 'Escape') {
        h.escape();
        return;
      }
      if (typing(e.target)) return;
      const action: Record<string, (() => void) | undefined> = {
        j: h.next,
        k: h.prev,
        o: h.open,
        Enter: h.open,
        r: h.reply,
        n: h.note,
        e: h.resolve,
        '?': h.help,
        '/': h.search,
      };
      const run = action[e.key];
      // Enter on a focused button or link keeps its own meaning.
      if (!run || (e.key === 'Enter' && e.target instanceof HTMLElement && e.target.closest('button, a'))) return;
      e.preventDefault();
      // Moving through the list takes focus off a clicked link or button, so Enter then opens.
      if ((e.key === 'j' || e.key === 'k') && document.activeElement instanceof HTMLElement) document.activeElement.blur();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
