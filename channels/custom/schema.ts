// Settings of a custom API channel and the events a connected system posts. Lenient where Parley
// does not need a field (unknown keys kept, nulls taken as absent); strict only on what it keys on.
import { z } from 'zod';
import { parseSettings, type SettingsResult } from '../parse-settings.ts';

export const customSettingsSchema = z.object({
  /** Shared with the connected system: both sides sign what they send with it (HMAC-SHA256). */
  signingSecret: z.string().min(16, 'signingSecret must be at least 16 characters'),
  /** Where agents' replies are posted (signed the same way); without it the channel takes messages only. */
  replyUrl: z.url({ protocol: /^https?$/, message: 'replyUrl must be an http(s) URL' }).optional(),
  /** How far a request's timestamp may be from our clock before it is refused as a replay. */
  toleranceSeconds: z.number().int().min(30).max(3600).default(300),
});

export type CustomSettings = z.infer<typeof customSettingsSchema>;

export const parseCustomSettings = (raw: unknown): SettingsResult<CustomSettings> => parseSettings(customSettingsSchema, raw, 'custom channel');

/** null means the same as a missing field (many serialisers write absent values as null). */
const opt = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);
const text = (max: number) => z.string().max(max);

export const customAttachmentSchema = z.object({
  filename: text(255).min(1),
  contentType: opt(text(255)),
  contentBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});

const base = {
  /** The connected system's id of this event: with the channel, the idempotency key. */
  id: z.string().trim().min(1).max(200),
};

export const customMessageSchema = z.looseObject({
  ...base,
  type: opt(z.literal('message')),
  from: z.looseObject({
    /** The person's id in the connected system: their identity on this channel. */
    id: z.string().trim().min(1).max(200),
    name: opt(text(200)),
    email: opt(text(254)),
    phone: opt(text(40)),
  }),
  text: opt(text(100_000)),
  sentAt: opt(z.iso.datetime({ offset: true })),
  attachments: opt(z.array(customAttachmentSchema).max(10)),
  /** Kept on the conversation, where routing filters read them (string values only). */
  attributes: opt(z.record(z.string(), z.unknown())),
});

export const customStatusSchema = z.looseObject({
  ...base,
  type: z.literal('status'),
  /** The id the connected system gave our reply when it took it (or our message id). */
  messageId: z.string().trim().min(1).max(200),
  status: z.enum(['delivered', 'read', 'failed']),
  error: opt(text(1000)),
  at: opt(z.iso.datetime({ offset: true })),
});

/** Any event: an object whose `type` (absent: a message) says which schema applies. */
export const customEventHeadSchema = z.looseObject({ type: z.unknown().optional() });

export type CustomMessage = z.infer<typeof customMessageSchema>;
export type CustomStatus = z.infer<typeof customStatusSchema>;

/** The InboundEvent key of an event: statuses apart from messages, so an id reused across the two never collides. */
export const customEventKey = (e: { id: string; type?: string | undefined }) => (e.type === 'status' ? `status:${e.id}` : e.id);
