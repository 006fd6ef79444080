// "Saving gives 12 open conversations new due times": shown beside the Save button of SLA forms,
// with a few examples of what moves.
import type { ImpactState } from './use-impact.ts';

const metricLabel = { first_response: 'first response', next_response: 'next response', resolution: 'resolution' } as const;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) : 'paused');

const dueTimes = (n: number) => `Saving gives ${n} open conversation${n === 1 ? '' : 's'} new due times.`;

/** `describe` words the impact for the form (a status pauses clocks rather than moving due times). */
export function ImpactNote({ impact, describe = dueTimes, none = 'No open conversation gets a new due time.' }: { impact: ImpactState; describe?(n: number): string; none?: string }) {
  if (impact.state === 'idle' || impact.state === 'unknown') return null;
  if (impact.state === 'checking') {
    return (
      <p className="impact dim" role="status" aria-busy="true">
        Checking which open conversations this changes…
      </p>
    );
  }
  const { conversations, examples } = impact.impact;
  if (conversations === 0) {
    return (
      <p className="impact dim" role="status" data-testid="impact">
        {none}
      </p>
    );
  }
  return (
    <div className="impact impact-some" role="status" data-testid="impact">
      <strong>{describe(conversations)}</strong>
      {examples.length > 0 && (
        <ul>
          {examples.map((e) => (
            <li key={`${e.conversationId}-${e.metric}`}>
              #{e.number} {metricLabel[e.metric]}: {when(e.dueAt)} → {e.cancelled ? 'no target' : when(e.newDueAt)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
