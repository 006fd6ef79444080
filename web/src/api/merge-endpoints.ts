// The API calls of merging contacts: find one to merge with, duplicate suggestions and "not a
// duplicate", the side-by-side preview, the merge, and a contact's merge history with its undo.
import { request } from './client.ts';
import type { ContactBrief, ContactMerge, DuplicateSuggestion, MergeBody, MergePreview, MergeResult, UndoneMerge } from './types.ts';

const enc = encodeURIComponent;
type Items<T> = { items: T[] };

export const mergeApi = {
  searchContacts: (q: string, signal?: AbortSignal) => request<Items<ContactBrief>>('GET', `/api/contact-search?q=${enc(q)}&limit=10`, undefined, { signal }),
  duplicates: (contactId: string, signal?: AbortSignal) => request<Items<DuplicateSuggestion>>('GET', `/api/contacts/${enc(contactId)}/duplicates`, undefined, { signal }),
  workspaceDuplicates: () => request<Items<DuplicateSuggestion>>('GET', '/api/contact-duplicates'),
  dismiss: (contactId: string, otherId: string) => request<void>('POST', `/api/contacts/${enc(contactId)}/duplicates/dismiss`, { otherId }),
  preview: (contactId: string, otherId: string) => request<MergePreview>('GET', `/api/contacts/${enc(contactId)}/merge-preview?otherId=${enc(otherId)}`),
  merge: (contactId: string, body: MergeBody) => request<MergeResult>('POST', `/api/contacts/${enc(contactId)}/merge`, body),
  merges: (contactId: string, signal?: AbortSignal) => request<Items<ContactMerge>>('GET', `/api/contacts/${enc(contactId)}/merges`, undefined, { signal }),
  undo: (contactId: string, mergeId: string) => request<UndoneMerge>('POST', `/api/contacts/${enc(contactId)}/merges/${enc(mergeId)}/undo`),
};
