// One inbox row: channel, contact, subject, last message, time, assignee, unread and SLA.
import { memo } from 'react';
import type { ConversationSummary, SnippetPart } from '../api/types.ts';
import { Avatar } from '../ui/avatar.tsx';
import { ChannelIcon, conversationTitle } from '../ui/channel-icon.tsx';
import { contactLabel, fullTime, previewOf, relativeTime, statusLabel } from '../ui/format.ts';
import { SlaBadge } from './sla-badge.tsx';

interface Props {
  c: ConversationSummary;
  selected: boolean;
  open: boolean;
  now: number;
  onOpen(id: string): void;
  /** Search results: the matching words in context instead of the last message, and the status. */
  snippet?: SnippetPart[] | null;
  showStatus?: boolean;
}

export const ConversationRow = memo(function ConversationRow({ c, selected, open, now, onOpen, snippet, showStatus }: Props) {
  const unread = c.unread ?? false;
  const classes = ['row', unread && 'row-unread', selected && 'row-selected', open && 'row-open'].filter(Boolean).join(' ');
  return (
    <li
      className={classes}
      role="option"
      aria-selected={selected}
      data-conversation-id={c.id}
      data-unread={unread || undefined}
      onClick={() => onOpen(c.id)}
    >
      <div className="row-line">
        <span className="row-channel">
          <ChannelIcon kind={c.channel.kind} />
        </span>
        {unread && <span className="unread-dot" aria-label="Unread" />}
        <span className="row-contact">{contactLabel(c.contact)}</span>
        {(c.priority === 'high' || c.priority === 'urgent') && <span className={`prio prio-${c.priority}`}>{c.priority}</span>}
        <SlaBadge sla={c.sla} now={now} />
        <time className="row-time" dateTime={c.lastMessageAt} title={fullTime(c.lastMessageAt)}>
          {relativeTime(c.lastMessageAt, now)}
        </time>
      </div>
      <div className="row-line">
        <span className="row-subject">{conversationTitle(c)}</span>
        {showStatus && <span className={`status-pill status-${c.status}`}>{statusLabel[c.status]}</span>}
        <span className="row-number">#{c.number}</span>
      </div>
      {c.snoozeReason && (
        <div className="row-line">
          <span className="row-snooze" data-testid="snooze-reason">
            {c.status === 'snoozed' ? 'Snoozed' : 'Back from snooze'}: {c.snoozeReason}
          </span>
        </div>
      )}
      <div className="row-line">
        <span className="row-preview">
          {snippet && snippet.length > 0 ? snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>)) : previewOf(c)}
        </span>
        {c.assignee ? <Avatar name={c.assignee.name} size={18} title={`Assigned to ${c.assignee.name}`} /> : <span className="row-unassigned" title="Unassigned" />}
      </div>
    </li>
  );
});
