// Today's totals since midnight in the workspace's time zone: volume, resolutions, the median
// first response and resolution times, and SLA breaches.
import type { BoardToday } from '../api/types.ts';
import { humanDuration } from './board-model.ts';

function Tile({ label, value, hint, tone, testId }: { label: string; value: string; hint?: string; tone?: 'bad'; testId: string }) {
  return (
    <div className={`tile${tone ? ` tile-${tone}` : ''}`} data-testid={testId}>
      <div className="tile-value">{value}</div>
      <div className="tile-label">{label}</div>
      {hint && <div className="tile-hint">{hint}</div>}
    </div>
  );
}

export function TodayTiles({ today }: { today: BoardToday }) {
  return (
    <div className="tiles" aria-label="Today">
      <Tile testId="today-conversations" label="New conversations" value={String(today.conversations)} />
      <Tile testId="today-resolved" label="Resolved" value={String(today.resolved)} />
      <Tile
        testId="today-first-response"
        label="First response, median"
        value={humanDuration(today.firstResponseMedianSeconds)}
        hint={today.firstResponseMedianSeconds === null ? 'no replies yet' : undefined}
      />
      <Tile
        testId="today-resolution"
        label="Resolution, median"
        value={humanDuration(today.resolutionMedianSeconds)}
        hint={today.resolutionMedianSeconds === null ? 'nothing resolved yet' : undefined}
      />
      <Tile testId="today-breaches" label="SLA breaches" value={String(today.slaBreaches)} tone={today.slaBreaches > 0 ? 'bad' : undefined} />
    </div>
  );
}
