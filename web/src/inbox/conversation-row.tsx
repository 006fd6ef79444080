// One inbox row: channel, contact, subject, last message, time, assignee, unread and SLA.
import { memo } from 'react';
import type { ConversationSummary } from '../api/types.ts';
import { Avatar } from '../ui/avatar.tsx';
import { ChannelIcon } from '../ui/channel-icon.tsx';
import { contactLabel, fullTime, previewOf, relativeTime } from '../ui/format.ts';
import { SlaBadge } from './sla-badge.tsx';

interface Props {
  c: ConversationSummary;
  selected: boolean;
  open: boolean;
  now: number;
  onOpen(id: string): void;
}

export const ConversationRow = memo(function ConversationRow({ c, selected, open, now, onOpen }: Props) {
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
        <span className="row-subject">{c.subject || '(no subject)'}</span>
        <span className="row-number">#{c.number}</span>
      </div>
      <div className="row-line">
        <span className="row-preview">{previewOf(c)}</span>
        {c.assignee ? <Avatar name={c.assignee.name} size={18} title={`Assigned to ${c.assignee.name}`} /> : <span className="row-unassigned" title="Unassigned" />}
      </div>
    </li>
  );
});
