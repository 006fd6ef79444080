// Today's totals for the supervisor board: median first-response and resolution times, SLA
// breaches, and new conversations per hour and channel (in the workspace's time zone).
import type { Db } from '../../db/client.ts';
import type { TodayStats } from './board-view.ts';

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function todayStats(db: Db, input: { workspaceId: string; since: Date; timeZone: string }): Promise<TodayStats> {
  const created = await db.conversation.findMany({
    where: { workspaceId: input.workspaceId, createdAt: { gte: input.since } },
    select: { createdAt: true, firstResponseAt: true, channel: { select: { kind: true } } },
  });
  const resolved = await db.conversation.findMany({
    where: { workspaceId: input.workspaceId, resolvedAt: { gte: input.since } },
    select: { createdAt: true, resolvedAt: true },
  });
  const breaches = await db.slaBreach.count({ where: { workspaceId: input.workspaceId, breachedAt: { gte: input.since } } });
  const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone: input.timeZone, hour: '2-digit', hourCycle: 'h23' });
  const volume: { hour: number; channel: string; count: number }[] = [];
  for (const c of created) {
    const hour = Number(hourOf.format(c.createdAt));
    const row = volume.find((v) => v.hour === hour && v.channel === c.channel.kind);
    if (row) row.count++;
    else volume.push({ hour, channel: c.channel.kind, count: 1 });
  }
  return {
    since: input.since.toISOString(),
    conversations: created.length,
    resolved: resolved.length,
    slaBreaches: breaches,
    firstResponseMedianSeconds: median(created.filter((c) => c.firstResponseAt).map((c) => (c.firstResponseAt!.getTime() - c.createdAt.getTime()) / 1000)),
    resolutionMedianSeconds: median(resolved.map((c) => (c.resolvedAt!.getTime() - c.createdAt.getTime()) / 1000)),
    volumeByHour: volume.sort((a, b) => a.hour - b.hour || a.channel.localeCompare(b.channel)),
  };
}
