// Finding what the agent is typing at the caret: a "/shortcut" for a canned response or an
// "@Name" mention, and filling a canned response's placeholders.
import type { Agent, CannedResponse } from '../api/types.ts';

// Shared with macro replies on the server (one module, no imports).
export { fillPlaceholders, type PlaceholderContext } from '../../../src/domain/canned/placeholders.ts';

export interface Token {
  trigger: '/' | '@';
  start: number;
  end: number;
  query: string;
}

export function tokenAt(text: string, caret: number, trigger: '/' | '@'): Token | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf(trigger);
  if (at === -1) return null;
  if (at > 0 && !/\s/.test(before.charAt(at - 1))) return null;
  const query = before.slice(at + 1);
  if (trigger === '/' && !/^[\w-]*$/.test(query)) return null;
  // Names have spaces ("Ada Lovelace"), so a mention may too, but not a line break or a long run.
  if (trigger === '@' && (/[\n\r]/.test(query) || query.length > 40 || /\s\s/.test(query))) return null;
  return { trigger, start: at, end: caret, query };
}

export function matchCanned(all: CannedResponse[], query: string): CannedResponse[] {
  const q = query.toLowerCase();
  const starts = all.filter((c) => c.shortcut.startsWith(q));
  const contains = all.filter((c) => !c.shortcut.startsWith(q) && (c.shortcut.includes(q) || c.title.toLowerCase().includes(q)));
  return [...starts, ...contains].slice(0, 8);
}

export function matchAgents(all: Agent[], query: string, excludeId: string): Agent[] {
  const q = query.toLowerCase();
  return all
    .filter((a) => a.active && a.id !== excludeId)
    .filter((a) => {
      const name = a.name.toLowerCase();
      return name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q));
    })
    .slice(0, 8);
}

export function replaceToken(text: string, token: Token, insert: string): { text: string; caret: number } {
  const next = text.slice(0, token.start) + insert + text.slice(token.end);
  return { text: next, caret: token.start + insert.length };
}
