// What the web app knows about channel kinds: everything comes from the server's registry
// (GET /api/channel-kinds), loaded once with the session, so the browser holds no per-kind table.
// A kind the list does not name (a newer server) still shows, by its name and a neutral icon.
import type { ChannelKindInfo } from '../api/types.ts';

let kinds = new Map<string, ChannelKindInfo>();

export function setChannelKinds(list: readonly ChannelKindInfo[]): void {
  kinds = new Map(list.map((k) => [k.kind, k]));
}

export function channelKinds(): ChannelKindInfo[] {
  return [...kinds.values()];
}

const unknownKind = (kind: string): ChannelKindInfo => ({
  kind,
  label: kind,
  shortLabel: kind,
  icon: { path: 'M4 4h16v16H4z', colour: '#64748b' },
  addressHint: '',
  form: [],
  live: false,
  maxReplyFileBytes: null,
  templates: false,
  identityLabel: null,
});

export const channelKindInfo = (kind: string): ChannelKindInfo => kinds.get(kind) ?? unknownKind(kind);
