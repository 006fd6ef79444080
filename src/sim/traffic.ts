// The day's conversations: arrivals from a Poisson rate that follows the time of day, per channel,
// with bursts (an outage, a campaign ...) on top, and what each conversation is about.
import { channelAdapters, type ChannelKind } from '../../channels/registry.ts';
import type { Priority } from '../domain/sla/policy-schema.ts';
import { HOUR_MS, MINUTE_MS, type SimAgent, type SimConversation, type Topic } from './model.ts';
import { createRng, type Rng } from './prng.ts';

/** Relative arrival rate per hour of the day (00..23). */
const hourlyRate = [0.3, 0.25, 0.2, 0.2, 0.25, 0.5, 1.4, 2.0, 2.2, 2.9, 3.1, 3.1, 2.8, 3.0, 3.2, 3.1, 2.9, 2.2, 2.0, 1.8, 1.7, 1.5, 0.6, 0.4];
/**
 * The channels the day has traffic on: each one's share of arrivals and the mean minutes a
 * conversation occupies its agent (complaints take half as long again). Live channels (phone
 * lines, the chat widget) open 06:00-22:00; outside those hours customers can only write.
 */
const simulatedChannels: readonly { kind: ChannelKind; share: number; handleMinutes: number }[] = [
  { kind: 'email', share: 0.3, handleMinutes: 6 },
  { kind: 'sms', share: 0.08, handleMinutes: 12 },
  { kind: 'whatsapp', share: 0.15, handleMinutes: 14 },
  { kind: 'voice', share: 0.14, handleMinutes: 7 },
  { kind: 'telegram', share: 0.08, handleMinutes: 14 },
  { kind: 'webchat', share: 0.25, handleMinutes: 11 },
];
const simulated = (kind: ChannelKind) => simulatedChannels.find((c) => c.kind === kind)!;
const isLive = (kind: ChannelKind) => channelAdapters[kind].live;
const liveHours = { start: 6 * HOUR_MS, end: 22 * HOUR_MS };
const handleSigma = 0.6;

export interface Burst {
  name: string;
  start: number;
  end: number;
  channels: readonly ChannelKind[];
  /** The rate on those channels is multiplied by this during the burst. */
  factor: number;
  /** What the extra conversations are about, and how many are complaints. */
  topic: Topic | null;
  complaintShare: number;
}

const at = (hours: number, minutes = 0) => hours * HOUR_MS + minutes * MINUTE_MS;
export const bursts: readonly Burst[] = [
  { name: 'monday email backlog', start: at(8), end: at(9), channels: ['email'], factor: 2, topic: null, complaintShare: 0.06 },
  { name: 'outage', start: at(10, 30), end: at(11, 10), channels: ['webchat', 'voice'], factor: 3, topic: 'tech', complaintShare: 0.25 },
  { name: 'sms campaign replies', start: at(13), end: at(13, 45), channels: ['sms', 'whatsapp'], factor: 2.5, topic: 'sales', complaintShare: 0.02 },
  { name: 'tv advert', start: at(19, 15), end: at(19, 45), channels: ['voice', 'webchat'], factor: 2, topic: 'sales', complaintShare: 0 },
];

const languageMix = { en: 0.72, de: 0.14, fr: 0.08, ru: 0.06 } as const;
const priorityMix: Record<Priority, number> = { urgent: 0.03, high: 0.12, normal: 0.6, low: 0.25 };
const topicMix: Record<Topic, number> = { billing: 0.38, tech: 0.42, sales: 0.2 };
/** Words customers use; routing knows most of them but not all ("receipt", "slow", "demo"). */
const vocabulary: Record<Topic, readonly string[]> = {
  billing: ['invoice', 'refund', 'charged', 'payment', 'receipt'],
  tech: ['error', 'crash', 'login', 'bug', 'slow'],
  sales: ['price', 'upgrade', 'plan', 'quote', 'demo'],
};

export function buildTraffic({ seed, count, agents }: { seed: number; count: number; agents: readonly SimAgent[] }): SimConversation[] {
  const rng = createRng(seed);
  const arrivals = drawArrivals(rng, count);
  return arrivals.map((arrival, i) => describeConversation(rng, `conv-${String(i + 1).padStart(5, '0')}`, arrival, agents));
}

interface Arrival {
  at: number;
  channel: ChannelKind;
  burst: Burst | null;
}

/** `count` arrivals of a non-homogeneous Poisson process conditioned on its total: i.i.d. draws from the rate. */
function drawArrivals(rng: Rng, count: number): Arrival[] {
  const cumulative: number[] = [];
  let total = 0;
  for (let minute = 0; minute < 24 * 60; minute++) {
    for (const { kind } of simulatedChannels) {
      total += rateAt(minute * MINUTE_MS, kind);
      cumulative.push(total);
    }
  }
  const arrivals: Arrival[] = [];
  for (let i = 0; i < count; i++) {
    const cell = lowerBound(cumulative, rng.next() * total);
    const channel = simulatedChannels[cell % simulatedChannels.length]!.kind;
    const time = (Math.floor(cell / simulatedChannels.length) + rng.next()) * MINUTE_MS;
    const burst = burstAt(time, channel);
    const caused = burst !== null && rng.chance((burst.factor - 1) / burst.factor);
    arrivals.push({ at: time, channel, burst: caused ? burst : null });
  }
  return arrivals.sort((a, b) => a.at - b.at);
}

function rateAt(time: number, channel: ChannelKind): number {
  const closed = isLive(channel) && (time < liveHours.start || time >= liveHours.end);
  if (closed) return 0;
  const hourly = hourlyRate[Math.floor(time / HOUR_MS)]!;
  return hourly * simulated(channel).share * (burstAt(time, channel)?.factor ?? 1);
}

function burstAt(time: number, channel: ChannelKind): Burst | null {
  return bursts.find((b) => time >= b.start && time < b.end && b.channels.includes(channel)) ?? null;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function describeConversation(rng: Rng, id: string, arrival: Arrival, agents: readonly SimAgent[]): SimConversation {
  const { channel, burst } = arrival;
  const topic = burst?.topic ?? rng.weighted(topicMix);
  const complaint = rng.chance(burst ? burst.complaintShare : 0.06);
  const language = rng.weighted(languageMix);
  const contactTier = rng.chance(0.1) ? 'vip' : 'standard';
  const tags = complaint ? ['complaint'] : [];
  const live = isLive(channel);
  const priority = rng.weighted(priorityMix);
  return {
    id,
    arrivalMs: arrival.at,
    channel,
    priority,
    topic,
    routing: {
      channel,
      teamId: null,
      language,
      firstMessageText: live ? '' : firstMessage(rng, topic),
      contactTier,
      contactTags: contactTier === 'vip' ? ['vip'] : [],
      conversationTags: tags,
      priority,
      // The voice menu choice or the chat pre-chat form; some callers skip it.
      attributes: live && rng.chance(0.9) ? { topic } : {},
    },
    policy: { channel, contactTier, tags, teamId: null },
    previousAgent: previousAgent(rng, arrival.at, topic, agents),
    handleMs: rng.lognormal(simulated(channel).handleMinutes * MINUTE_MS * (complaint ? 1.5 : 1), handleSigma),
  };
}

function firstMessage(rng: Rng, topic: Topic): string {
  if (rng.chance(0.12)) return 'Hello, could someone get back to me please?';
  return `Hi, I have a question about the ${rng.pick(vocabulary[topic])} on my account.`;
}

/** A quarter of contacts wrote before, to someone who knows the topic, within the last week. */
function previousAgent(rng: Rng, arrivalMs: number, topic: Topic, agents: readonly SimAgent[]): SimConversation['previousAgent'] {
  if (!rng.chance(0.25) || agents.length === 0) return null;
  const knowing = agents.filter((a) => a.skills.has(topic));
  const agent = rng.pick(knowing.length > 0 ? knowing : agents);
  return { agentId: agent.id, at: arrivalMs - rng.int(1, 168) * HOUR_MS };
}
