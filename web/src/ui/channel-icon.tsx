// One small line icon per channel kind, so the list shows at a glance where a customer wrote.
import type { ChannelKind } from '../api/types.ts';

const PATHS: Record<ChannelKind, string> = {
  email: 'M3 5h18v14H3z M3 6l9 7 9-7',
  sms: 'M4 4h16v12H8l-4 4z M8 9h8 M8 12h5',
  whatsapp: 'M12 3a9 9 0 0 0-7.8 13.5L3 21l4.6-1.2A9 9 0 1 0 12 3z M9 8.5c0 3.5 3 6.5 6.5 6.5',
  voice: 'M6.6 3.5l2.6 3.4-1.6 2.3a11 11 0 0 0 7.2 7.2l2.3-1.6 3.4 2.6-1.2 2.6C12 21 3 12 4 4.7z',
  telegram: 'M21 4L3 11l6 2 2 6 3-4 5 4z M9 13l8-6',
  webchat: 'M4 5h16v11H9l-5 4z M8 10.5h.01 M12 10.5h.01 M16 10.5h.01',
};

const LABELS: Record<ChannelKind, string> = { email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp', voice: 'Phone', telegram: 'Telegram', webchat: 'Web chat' };

export function ChannelIcon({ kind, size = 14 }: { kind: ChannelKind; size?: number }) {
  return (
    <svg className="channel-icon" width={size} height={size} viewBox="0 0 24 24" role="img" aria-label={LABELS[kind]}>
      <title>{LABELS[kind]}</title>
      <path d={PATHS[kind]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export const channelLabel = (kind: ChannelKind) => LABELS[kind];

/** A conversation's title: its subject, or for chats and calls (which have none) what it is. */
export const conversationTitle = (c: { subject: string | null; channel: { kind: ChannelKind } }) => c.subject?.trim() || `${LABELS[c.channel.kind]} conversation`;
