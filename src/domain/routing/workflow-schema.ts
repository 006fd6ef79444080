// The routing workflow as data (in the spirit of Twilio TaskRouter): ordered filters, the first
// whose condition matches a conversation wins; each has ordered steps tried one after another
// as each step's timeout passes.
import { z } from 'zod';
import { channelKinds } from '../../../channels/kinds.ts';

const nonEmpty = <T extends z.ZodType>(t: T) => z.array(t).min(1);

export const conditionSchema = z
  .object({
    channel: nonEmpty(z.enum(channelKinds)).optional(),
    teamId: nonEmpty(z.string()).optional(),
    language: nonEmpty(z.string().min(2)).optional(),
    /** Any of these words in the first customer message (case-insensitive, whole words). */
    keywords: nonEmpty(z.string().min(1)).optional(),
    contactTier: nonEmpty(z.string()).optional(),
    contactTags: nonEmpty(z.string()).optional(),
    conversationTags: nonEmpty(z.string()).optional(),
    priority: nonEmpty(z.enum(['low', 'normal', 'high', 'urgent'])).optional(),
    /** Channel facts: the voice menu choice (`menu`), the chat pre-chat topic (`topic`) ... */
    attributes: z.record(z.string(), nonEmpty(z.string())).optional(),
  })
  .strict();

export const skillRequirementSchema = z.object({ skill: z.string().min(1), minLevel: z.number().int().min(1).max(10).default(1) });

export const requirementSchema = z
  .object({
    skills: z.array(skillRequirementSchema).default([]),
    /** Only the agent who last helped this contact (within the workflow's window). */
    lastAgent: z.boolean().default(false),
    /** Only members of this team. */
    teamId: z.string().optional(),
  })
  .strict();

export const stepSchema = z
  .object({
    queue: z.string().min(1),
    requirement: requirementSchema.default({ skills: [], lastAgent: false }),
    timeoutSeconds: z.number().int().min(1).max(7 * 24 * 3600),
    /** Go straight to the next step when no agent meeting the requirement is online at all. */
    skipIfNobodyAvailable: z.boolean().default(false),
  })
  .strict();

export const filterSchema = z
  .object({
    name: z.string().min(1),
    when: conditionSchema.default({}),
    steps: nonEmpty(stepSchema),
  })
  .strict();

export const workflowSchema = z
  .object({
    filters: z.array(filterSchema).default([]),
    /** Applies when no filter matches. */
    fallback: filterSchema.omit({ when: true }).extend({ name: z.string().default('fallback') }),
    /** How long "the agent who last helped this contact" stays preferred. */
    lastAgentWindowHours: z.number().min(0).default(72),
  })
  .strict();

export type Condition = z.infer<typeof conditionSchema>;
export type Requirement = z.infer<typeof requirementSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Filter = z.infer<typeof filterSchema>;
export type Workflow = z.infer<typeof workflowSchema>;
export type WorkflowInput = z.input<typeof workflowSchema>;
