// The traffic light an agent sees on a conversation: red when a promise is broken and still
// unanswered, amber once a warning threshold passed, green while clocks run within target.
export interface ClockSnapshot {
  metric: 'first_response' | 'next_response' | 'resolution';
  status: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  dueAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  metAt: Date | null;
}

export interface SlaState {
  state: 'green' | 'amber' | 'red';
  metric: ClockSnapshot['metric'];
  dueAt: string | null;
  paused: boolean;
}

export function slaState(clocks: readonly ClockSnapshot[]): SlaState | null {
  const broken = clocks.filter((c) => c.status === 'breached' && c.metAt === null);
  if (broken.length > 0) {
    const first = broken.reduce((a, b) => ((a.breachedAt?.getTime() ?? 0) <= (b.breachedAt?.getTime() ?? 0) ? a : b));
    return { state: 'red', metric: first.metric, dueAt: null, paused: false };
  }
  const live = clocks.filter((c) => c.status === 'running' || c.status === 'paused');
  if (live.length === 0) return null;
  const running = live.filter((c) => c.status === 'running' && c.dueAt);
  const soonest = running.length ? running.reduce((a, b) => (a.dueAt!.getTime() <= b.dueAt!.getTime() ? a : b)) : live[0]!;
  return {
    state: live.some((c) => c.warnedAt !== null) ? 'amber' : 'green',
    metric: soonest.metric,
    dueAt: soonest.status === 'running' ? (soonest.dueAt?.toISOString() ?? null) : null,
    paused: running.length === 0,
  };
}
