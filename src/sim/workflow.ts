// The simulated contact center's configuration as data, validated by the real schemas: the routing
// workflow (complaints to seniors, language and topic queues that relax, then a general queue)
// and the SLA policies (a stricter one for complaints, then per channel, per priority).
import type { z } from 'zod';
import type { ChannelKind } from '../../channels/types.ts';
import { workflowSchema, type Filter, type filterSchema, type stepSchema, type Workflow, type WorkflowInput } from '../domain/routing/workflow-schema.ts';
import type { PolicyLike } from '../domain/sla/choose-policy.ts';
import { policySchema, type PolicyInput } from '../domain/sla/policy-schema.ts';

type FilterInput = z.input<typeof filterSchema>;
type StepInput = z.input<typeof stepSchema>;

interface ChannelGroup {
  name: string;
  channels: ChannelKind[];
  /** The desk (team) that works these channels. */
  teamId: string;
  /** Seconds before the level requirement relaxes, and before the conversation overflows. */
  relaxAfter: number;
  overflowAfter: number;
  /** Live channels know the topic from the voice menu or pre-chat form, others from the words. */
  topicBy: 'menu' | 'keywords';
}

const channelGroups: ChannelGroup[] = [
  { name: 'voice', channels: ['voice'], teamId: 'team-voice', relaxAfter: 10, overflowAfter: 20, topicBy: 'menu' },
  { name: 'webchat', channels: ['webchat'], teamId: 'team-digital', relaxAfter: 20, overflowAfter: 45, topicBy: 'menu' },
  { name: 'messaging', channels: ['sms', 'whatsapp', 'telegram'], teamId: 'team-digital', relaxAfter: 120, overflowAfter: 300, topicBy: 'keywords' },
  { name: 'email', channels: ['email'], teamId: 'team-digital', relaxAfter: 900, overflowAfter: 1800, topicBy: 'keywords' },
];

const languageQueues = [
  { language: 'de', queue: 'german' },
  { language: 'fr', queue: 'french' },
  { language: 'ru', queue: 'russian' },
];

export const topicKeywords = {
  billing: ['invoice', 'refund', 'charged', 'payment', 'bill'],
  tech: ['error', 'crash', 'login', 'bug', 'broken'],
  sales: ['price', 'upgrade', 'plan', 'quote', 'discount'],
} as const;

const DAY_SECONDS = 24 * 3600;

/** The desk's general queue: anyone at the desk, no skill asked. */
const generalStep = (group: ChannelGroup): StepInput => ({ queue: 'general', requirement: { teamId: group.teamId }, timeoutSeconds: DAY_SECONDS });

/** The skill at a strong level, after a while at any level, then the desk's general queue. */
function tiered(queue: string, skill: string, levels: [number, number], group: ChannelGroup): StepInput[] {
  const at = (minLevel: number) => ({ teamId: group.teamId, skills: [{ skill, minLevel }] });
  return [
    { queue, requirement: at(levels[0]), timeoutSeconds: group.relaxAfter, skipIfNobodyAvailable: true },
    { queue, requirement: at(levels[1]), timeoutSeconds: group.overflowAfter - group.relaxAfter, skipIfNobodyAvailable: true },
    generalStep(group),
  ];
}

function filtersFor(group: ChannelGroup): FilterInput[] {
  const channel = group.channels;
  const complaints = { name: `${group.name}: complaints`, when: { channel, conversationTags: ['complaint'] }, steps: tiered('complaints', 'senior', [4, 2], group) };
  const languages = languageQueues.map(({ language, queue }) => ({
    name: `${group.name}: ${queue}`,
    when: { channel, language: [language] },
    steps: tiered(queue, `lang:${language}`, [3, 1], group),
  }));
  const byTopic = Object.entries(topicKeywords).map(([topic, keywords]) => ({
    name: `${group.name}: ${topic}`,
    when: group.topicBy === 'menu' ? { channel, attributes: { topic: [topic] } } : { channel, keywords: [...keywords] },
    steps: tiered(topic, topic, [3, 1], group),
  }));
  const rest = { name: `${group.name}: general`, when: { channel }, steps: [generalStep(group)] };
  return [complaints, ...languages, ...byTopic, rest];
}

export const workflowInput: WorkflowInput = {
  filters: channelGroups.flatMap(filtersFor),
  // Every channel has a catch-all filter above; this only answers for a channel added later.
  fallback: { name: 'general', steps: [{ queue: 'general', timeoutSeconds: DAY_SECONDS }] },
  lastAgentWindowHours: 72,
};

/** Seconds to first response per priority. */
const target = (urgent: number, high: number, normal: number, low: number) => ({
  urgent: { first_response: urgent },
  high: { first_response: high },
  normal: { first_response: normal },
  low: { first_response: low },
});
const minutes = 60;

export const policyInputs: PolicyInput[] = [
  { name: 'complaints: live', conditions: { tags: ['complaint'], channel: ['voice', 'webchat'] }, targets: target(30, 30, 45, 60) },
  { name: 'complaints: messaging', conditions: { tags: ['complaint'], channel: ['sms', 'whatsapp', 'telegram'] }, targets: target(2 * minutes, 5 * minutes, 10 * minutes, 10 * minutes) },
  { name: 'complaints: email', conditions: { tags: ['complaint'], channel: ['email'] }, targets: target(15 * minutes, 30 * minutes, 60 * minutes, 120 * minutes) },
  { name: 'voice', conditions: { channel: ['voice'] }, targets: target(30, 45, 60, 90) },
  { name: 'webchat', conditions: { channel: ['webchat'] }, targets: target(60, 90, 120, 180) },
  { name: 'messaging', conditions: { channel: ['sms', 'whatsapp', 'telegram'] }, targets: target(5 * minutes, 10 * minutes, 15 * minutes, 30 * minutes) },
  { name: 'email', conditions: { channel: ['email'] }, targets: target(30 * minutes, 2 * 3600, 4 * 3600, 8 * 3600) },
];

export interface SimConfig {
  workflow: Workflow;
  policies: PolicyLike[];
}

/** Parses the data above through the product's schemas, exactly as an admin's settings would be. */
export function loadConfig(): SimConfig {
  const workflow = workflowSchema.parse(workflowInput);
  const policies = policyInputs.map((input, position) => ({ ...policySchema.parse({ ...input, position }), id: input.name }));
  return { workflow, policies };
}

/** The queue a conversation enters: its filter's first step. */
export const entryQueue = (filter: Filter): string => filter.steps[0]!.queue;
