// What the web app knows about channel kinds (GET /api/channel-kinds), all read from the registry:
// names, icon, colour, the admin form, and what a conversation on the kind can do.
import { channelKinds } from '../../../channels/registry.ts';
import type { ChannelAdapter } from '../../../channels/types.ts';
import { replyFilesLimit } from '../messages/store-reply-attachments.ts';
import type { ChannelKindView } from './channel-kind-view.ts';

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
