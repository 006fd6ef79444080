// One entry of the timeline. Customer messages, agent replies, private notes (yellow), automatic
// replies and bounces (muted, labelled) and events each look different at a glance.
import { memo } from 'react';
import { Avatar } from '../ui/avatar.tsx';
import { fullTime } from '../ui/format.ts';
import { DeliveryBadge, DeliveryProblem } from './delivery-status.tsx';
import { MessageBody } from './message-body.tsx';
import { MessageEnvelope } from './message-envelope.tsx';
import type { TimelineMessage } from './use-conversation.ts';

interface Props {
  m: TimelineMessage;
  onRetry(id: string): void;
  onDiscard(id: string): void;
}

const LABEL: Partial<Record<TimelineMessage['kind'], string>> = { note: 'Private note', auto_reply: 'Automatic reply', bounce: 'Bounce' };

export const MessageItem = memo(function MessageItem({ m, onRetry, onDiscard }: Props) {
  if (m.kind === 'event') {
    return (
      <li className="event" data-message-id={m.id}>
        <span>{m.text}</span> <time dateTime={m.createdAt}>{fullTime(m.createdAt)}</time>
      </li>
    );
  }
  const who = m.author?.name ?? (m.direction === 'in' ? 'Customer' : 'Parley');
  const side = m.kind === 'note' ? 'note' : m.direction === 'in' ? 'in' : 'out';
  const muted = m.kind === 'auto_reply' || m.kind === 'bounce';
  const failed = m.local?.state === 'failed' || m.deliveryStatus === 'failed';
  const classes = ['message', `message-${side}`, muted && 'message-muted', failed && 'message-failed'].filter(Boolean).join(' ');
  return (
    <li className={classes} data-message-id={m.id} data-kind={m.kind}>
      <div className="message-head">
        <Avatar name={who} size={24} />
        <span className="message-author">{who}</span>
        {LABEL[m.kind] && <span className={`kind-label kind-${m.kind}`}>{LABEL[m.kind]}</span>}
        {m.sender && !m.sender.verified && (
          <span className="badge-warn unverified-sender" data-testid="unverified-sender" title={m.sender.reason}>
            claims to be {m.sender.address} (unverified)
          </span>
        )}
        <time className="message-time" dateTime={m.createdAt} title={fullTime(m.createdAt)}>
          {fullTime(m.createdAt)}
        </time>
        <DeliveryBadge m={m} />
      </div>
      <MessageEnvelope envelope={m.envelope} />
      <MessageBody m={m} />
      <DeliveryProblem m={m} onRetry={() => onRetry(m.id)} onDiscard={() => onDiscard(m.id)} />
    </li>
  );
});
