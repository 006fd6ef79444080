// What the web app knows about channel kinds, all read from the registry: names, icon, colour,
// the admin form, and what a conversation on the kind can do (GET /api/channel-kinds).
import { channelKinds } from '../../../channels/registry.ts';
import type { ChannelAdapter, SettingField } from '../../../channels/types.ts';
import { replyFilesLimit } from '../messages/store-reply-attachments.ts';

export interface ChannelKindView {
  kind: string;
  label: string;
  shortLabel: string;
  icon: { path: string; colour: string };
  /** The admin form: the address field's hint and the settings, field by field. */
  addressHint: string;
  form: SettingField[];
  /** Live kinds (calls, chat) need someone present. */
  live: boolean;
  /** How many bytes of files a reply may carry; null when the kind sends no files. */
  maxReplyFileBytes: number | null;
  /** Whether agents may send provider-approved templates here. */
  templates: boolean;
  /** Shown instead of an identity's address when the address means nothing to people. */
  identityLabel: string | null;
}

export function channelKindView(a: ChannelAdapter): ChannelKindView {
  return {
    kind: a.kind,
    label: a.label,
    shortLabel: a.shortLabel,
    icon: a.icon,
    addressHint: a.setup.addressHint,
    form: a.setup.form,
    live: a.live,
    maxReplyFileBytes: replyFilesLimit(a.maxOutboundFileBytes),
    templates: a.templates !== undefined,
    identityLabel: a.identityLabel ?? null,
  };
}

export function listChannelKinds(adapterFor: (kind: string) => ChannelAdapter): ChannelKindView[] {
  return channelKinds.map((k) => channelKindView(adapterFor(k)));
}
