// The SLA state of a conversation, shown only when the API reports one: colour for the state,
// time left (or overdue) to the due time of the metric that is running.
import type { Sla } from '../api/types.ts';
import { shortDuration } from '../ui/format.ts';

const METRIC: Record<string, string> = { first_response: 'First response', next_response: 'Next response', resolution: 'Resolution' };

export function SlaBadge({ sla, now }: { sla: Sla | null | undefined; now: number }) {
  if (!sla) return null;
  const metric = METRIC[sla.metric] ?? sla.metric.replace(/_/g, ' ');
  const left = sla.dueAt ? Date.parse(sla.dueAt) - now : null;
  const text = sla.state === 'red' && left === null ? 'Overdue' : sla.paused ? 'Paused' : left === null ? metric : left < 0 ? `${shortDuration(left)} over` : shortDuration(left);
  const title = `${metric}${sla.state === 'red' ? ' target missed' : sla.paused ? ' clock paused' : sla.dueAt ? ` due ${new Date(sla.dueAt).toLocaleString()}` : ''}`;
  return (
    <span className={`sla sla-${sla.state}`} title={title} data-testid="sla-badge">
      {text}
    </span>
  );
}
