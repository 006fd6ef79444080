// The customer panel's timeline pages: older pages append once each, and reloading the newest page
// after a new message keeps what "Load more" already brought in.
import { describe, expect, it } from 'vitest';
import type { ContactTimelineEntry } from '../../src/api/types.ts';
import { appendOlder, mergeNewest, TIMELINE_PAGE } from '../../src/customer/timeline-pages.ts';

const entry = (n: number) => ({ id: `m${String(n).padStart(3, '0')}` }) as ContactTimelineEntry;
/** Entries from..to, newest (highest) first. */
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => entry(to - i));
const ids = (items: ContactTimelineEntry[]) => items.map((e) => e.id);

describe('timeline pages', () => {
  it('appends an older page below, each entry once', () => {
    const shown = { items: range(11, 30), next: 'm011' };
    const older = appendOlder(shown, { items: range(1, 11), next: null });
    expect(ids(older.items)).toEqual(ids(range(1, 30)));
    expect(older.next).toBeNull();
  });

  it('replaces a single page with the fresh newest page', () => {
    const shown = { items: range(11, 30), next: 'm011' };
    expect(mergeNewest(shown, { items: range(12, 31), next: 'm012' })).toEqual({ items: range(12, 31), next: 'm012' });
  });

  it('keeps the older pages already loaded when the newest page is reloaded', () => {
    const shown = { items: range(1, 40), next: null };
    expect(shown.items.length).toBeGreaterThan(TIMELINE_PAGE);
    const merged = mergeNewest(shown, { items: range(22, 41), next: 'm022' });
    expect(ids(merged.items)).toEqual(ids(range(1, 41)));
    expect(merged.next).toBeNull();
  });

  it('takes the fresh page alone when it holds the whole timeline', () => {
    const shown = { items: range(1, 25), next: null };
    expect(mergeNewest(shown, { items: range(1, 3), next: null })).toEqual({ items: range(1, 3), next: null });
  });
});
