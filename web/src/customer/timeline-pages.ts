// How pages of the customer's timeline combine in the panel: older pages append below, and a
// reload of the newest page (a new message arrived) keeps the older entries already shown.
import type { ContactTimelineEntry, ContactTimelinePage } from '../api/types.ts';

export const TIMELINE_PAGE = 20;

export interface ContactTimelineState {
  contactId: string;
  /** Newest first. */
  items: ContactTimelineEntry[];
  /** The cursor of the next older page; null when the oldest entry is shown. */
  next: string | null;
  loading: 'initial' | 'more' | null;
  error: string | null;
}

export const emptyTimeline = (contactId: string): ContactTimelineState => ({ contactId, items: [], next: null, loading: 'initial', error: null });

/** The fresh newest page, then whatever older entries were already loaded beyond it. */
export function mergeNewest(prev: Pick<ContactTimelineState, 'items' | 'next'>, fresh: ContactTimelinePage): Pick<ContactTimelineState, 'items' | 'next'> {
  if (prev.items.length <= TIMELINE_PAGE || fresh.next === null) return { items: fresh.items, next: fresh.next };
  const seen = new Set(fresh.items.map((e) => e.id));
  return { items: [...fresh.items, ...prev.items.filter((e) => !seen.has(e.id))], next: prev.next };
}

/** An older page below what is shown (an entry both hold is shown once). */
export function appendOlder(prev: Pick<ContactTimelineState, 'items'>, older: ContactTimelinePage): Pick<ContactTimelineState, 'items' | 'next'> {
  const seen = new Set(prev.items.map((e) => e.id));
  return { items: [...prev.items, ...older.items.filter((e) => !seen.has(e.id))], next: older.next };
}
