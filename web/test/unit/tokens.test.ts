// The reply box's "/shortcut" and "@Name" detection and canned-response placeholders.
import { describe, expect, it } from 'vitest';
import type { Agent, CannedResponse } from '../../src/api/types.ts';
import { fillPlaceholders, matchAgents, matchCanned, replaceToken, tokenAt } from '../../src/composer/tokens.ts';

describe('tokenAt', () => {
  it('finds a /shortcut at the start of a word only', () => {
    expect(tokenAt('/than', 5, '/')).toEqual({ trigger: '/', start: 0, end: 5, query: 'than' });
    expect(tokenAt('hi /ref', 7, '/')?.query).toBe('ref');
    expect(tokenAt('and/or', 6, '/')).toBeNull();
    expect(tokenAt('/a b', 4, '/')).toBeNull();
  });

  it('finds an @mention that may contain a space, not across lines', () => {
    expect(tokenAt('cc @Ada Lo', 10, '@')?.query).toBe('Ada Lo');
    expect(tokenAt('mail@example', 12, '@')).toBeNull();
    expect(tokenAt('@Ada\nmore', 9, '@')).toBeNull();
  });

  it('replaces the token and puts the caret after the insert', () => {
    const t = tokenAt('cc @Ad', 6, '@')!;
    expect(replaceToken('cc @Ad', t, '@Ada Agent ')).toEqual({ text: 'cc @Ada Agent ', caret: 14 });
  });
});

describe('matching', () => {
  const canned = [
    { id: '1', shortcut: 'refund', title: 'Refund policy', body: '', updatedAt: '2026-03-02T10:00:00.000Z' },
    { id: '2', shortcut: 'thanks', title: 'Thank you', body: '', updatedAt: '2026-03-02T10:00:00.000Z' },
  ] satisfies CannedResponse[];
  const agents = [
    { id: 'a', name: 'Ada Lovelace', email: '', role: 'agent', active: true, teamIds: [] },
    { id: 'b', name: 'Bob Agent', email: '', role: 'agent', active: true, teamIds: [] },
    { id: 'c', name: 'Old Agent', email: '', role: 'agent', active: false, teamIds: [] },
  ] satisfies Agent[];

  it('matches canned responses by shortcut first, then by title', () => {
    expect(matchCanned(canned, 'th').map((c) => c.id)).toEqual(['2']);
    expect(matchCanned(canned, 'policy').map((c) => c.id)).toEqual(['1']);
  });

  it('matches active agents by any word of their name, never the author', () => {
    expect(matchAgents(agents, 'age', 'x').map((a) => a.id)).toEqual(['b']);
    expect(matchAgents(agents, 'love', 'x').map((a) => a.id)).toEqual(['a']);
    expect(matchAgents(agents, '', 'a').map((a) => a.id)).toEqual(['b']);
  });
});

describe('fillPlaceholders', () => {
  it('fills the known placeholders and leaves others as written', () => {
    const ctx = { contact: { name: 'Maria', email: 'maria@example.com' }, agent: { name: 'Ada' }, conversation: { number: 42 } };
    expect(fillPlaceholders('Hi {{contact.name}} ({{ contact.email }}), #{{conversation.number}} — {{agent.name}} {{order.id}}', ctx)).toBe(
      'Hi Maria (maria@example.com), #42 — Ada {{order.id}}',
    );
    expect(fillPlaceholders('Hi {{contact.name}}', { ...ctx, contact: { name: null, email: null } })).toBe('Hi ');
  });
});
