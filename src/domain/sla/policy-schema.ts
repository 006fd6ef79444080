// SLA policies as data: which conversations they apply to, targets per priority in business
// seconds, when to warn, and how to escalate a breach.
import { z } from 'zod';
import { channelKinds } from '../../../channels/kinds.ts';

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof priorities)[number];
export const slaMetrics = ['first_response', 'next_response', 'resolution'] as const;
export type SlaMetricName = (typeof slaMetrics)[number];

const seconds = z.number().int().min(1).max(365 * 24 * 3600);

export const metricTargetsSchema = z
  .object({ first_response: seconds.optional(), next_response: seconds.optional(), resolution: seconds.optional() })
  .strict();

export const policyConditionsSchema = z
  .object({
    channel: z.array(z.enum(channelKinds)).min(1).optional(),
    contactTier: z.array(z.string()).min(1).optional(),
    /** Any of these conversation tags (e.g. "complaint"). */
    tags: z.array(z.string()).min(1).optional(),
    teamId: z.array(z.string()).min(1).optional(),
  })
  .strict();

export const escalationSchema = z
  .object({
    raisePriority: z.boolean().default(false),
    notifyTeamLead: z.boolean().default(true),
    reassign: z.boolean().default(false),
  })
  .strict();

export const policySchema = z.object({
  name: z.string().min(1),
  position: z.number().int().default(0),
  active: z.boolean().default(true),
  conditions: policyConditionsSchema.default({}),
  targets: z.partialRecord(z.enum(priorities), metricTargetsSchema).refine((t) => Object.keys(t).length > 0, 'give targets for at least one priority'),
  calendarId: z.string().nullable().default(null),
  warnBeforeSeconds: z.array(z.number().int().min(1)).default([900]),
  escalation: escalationSchema.default({ raisePriority: false, notifyTeamLead: true, reassign: false }),
});

export type PolicyInput = z.input<typeof policySchema>;
export type PolicyDefinition = z.infer<typeof policySchema>;
export type PolicyConditions = z.infer<typeof policyConditionsSchema>;
export type Escalation = z.infer<typeof escalationSchema>;
