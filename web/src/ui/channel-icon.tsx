// One small line icon per channel kind (the registry's own drawing), so the list shows at a glance
// where a customer wrote; and the names and titles that go with it.
import { channelKindInfo } from '../channels/channel-kinds.ts';

export function LineIcon({ path, label, size = 14 }: { path: string; label: string; size?: number }) {
  return (
    <svg className="channel-icon" width={size} height={size} viewBox="0 0 24 24" role="img" aria-label={label}>
      <title>{label}</title>
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function ChannelIcon({ kind, size = 14 }: { kind: string; size?: number }) {
  const info = channelKindInfo(kind);
  return <LineIcon path={info.icon.path} label={info.shortLabel} size={size} />;
}

/** Contact details that are not channels: an email address, a phone number. */
export const contactFieldIcons = {
  email: { path: 'M3 5h18v14H3z M3 6l9 7 9-7', label: 'Email address' },
  phone: { path: 'M6.6 3.5l2.6 3.4-1.6 2.3a11 11 0 0 0 7.2 7.2l2.3-1.6 3.4 2.6-1.2 2.6C12 21 3 12 4 4.7z', label: 'Phone number' },
};

export const channelLabel = (kind: string) => channelKindInfo(kind).shortLabel;

export const channelColour = (kind: string) => channelKindInfo(kind).icon.colour;

/** A conversation's title: its subject, or for chats and calls (which have none) what it is. */
export const conversationTitle = (c: { subject: string | null; channel: { kind: string } }) => c.subject?.trim() || `${channelLabel(c.channel.kind)} conversation`;
