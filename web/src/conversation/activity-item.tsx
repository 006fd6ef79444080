// One compact activity line of the timeline (who did what, when), between the messages.
import { memo } from 'react';
import type { ConversationEvent } from '../api/types.ts';
import { fullTime } from '../ui/format.ts';
import { activityText } from './activity-text.ts';
import { CsatAnswerItem, isCsatAnswer } from './csat-activity.tsx';
import './timeline.css';

const TONE: Partial<Record<ConversationEvent['kind'], string>> = { 'sla.warning': 'activity-warning', 'sla.breach': 'activity-danger' };

export const ActivityItem = memo(function ActivityItem({ e }: { e: ConversationEvent }) {
  if (isCsatAnswer(e)) return <CsatAnswerItem e={e} />;
  return (
    <li className={`activity ${TONE[e.kind] ?? ''}`} data-testid="activity" data-kind={e.kind} data-event-id={e.id}>
      <span className="activity-dot" aria-hidden="true" />
      <span className="activity-text">{activityText(e, fullTime)}</span>
      <time className="activity-time" dateTime={e.createdAt} title={fullTime(e.createdAt)}>
        {fullTime(e.createdAt)}
      </time>
    </li>
  );
});
