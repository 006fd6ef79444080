// A survey answer in the conversation's timeline: a badge with the stars and the customer's
// comment, where the agents look (other survey entries are plain activity lines).
import type { ConversationEvent } from '../api/types.ts';
import { fullTime } from '../ui/format.ts';
import { CsatStars } from './csat-stars.tsx';
import '../pages/csat.css';

type Answer = Extract<ConversationEvent, { kind: 'csat' }> & { data: { outcome: 'answered' | 'commented' } };

export const isCsatAnswer = (e: ConversationEvent): e is Answer => e.kind === 'csat' && (e.data.outcome === 'answered' || e.data.outcome === 'commented');

export function CsatAnswerItem({ e }: { e: Answer }) {
  return (
    <li className="activity csat-answer" data-testid="csat-answer" data-kind={e.kind} data-event-id={e.id}>
      <span className="csat-label">{e.data.outcome === 'answered' ? 'Customer satisfaction' : 'Survey comment'}</span>
      <CsatStars score={e.data.score} />
      {e.data.comment && <q className="csat-comment">{e.data.comment}</q>}
      <time className="activity-time" dateTime={e.createdAt} title={fullTime(e.createdAt)}>
        {fullTime(e.createdAt)}
      </time>
    </li>
  );
}
