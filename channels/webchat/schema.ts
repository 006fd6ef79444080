// Settings of a website chat channel (Channel.address is its public key, the widget's
// data-channel), and what the widget sends, as kept in an InboundEvent.
import { z } from 'zod';

export const webchatSettingsSchema = z.object({
  /** The widget's header. */
  title: z.string().trim().min(1).max(80).default('Chat with us'),
  /** Shown above the first message. */
  greeting: z.string().max(500).optional(),
  /** A business calendar's name (/api/sla/calendars): outside its hours visitors get the offline form. */
  calendar: z.string().min(1).optional(),
  /** Offer the offline form, not a live chat, while no agent is online. */
  offlineWhenNobodyOnline: z.boolean().default(true),
  /** Asked before the first message; the topic reaches routing as the conversation attribute `topic`. */
  prechat: z
    .object({ enabled: z.boolean().default(true), topics: z.array(z.string().trim().min(1).max(60)).max(20).default([]), requireEmail: z.boolean().default(false) })
    .default({ enabled: true, topics: [], requireEmail: false }),
  /** Pages allowed to open the chat (exact origins such as https://shop.example); empty: any. */
  allowedOrigins: z.array(z.string()).default([]),
  /** Per visitor: a burst of messages, refilled at perMinute. */
  rateLimit: z
    .object({ burst: z.number().int().min(1).max(100).default(5), perMinute: z.number().int().min(1).max(600).default(20) })
    .default({ burst: 5, perMinute: 20 }),
  maxMessageLength: z.number().int().min(1).max(10_000).default(4000),
});

export type WebchatSettings = z.infer<typeof webchatSettingsSchema>;

/** A channel's settings, or the defaults where a value is invalid (the widget must still open). */
export function webchatSettings(raw: unknown): WebchatSettings {
  const parsed = webchatSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : webchatSettingsSchema.parse({});
}

/** One visitor message as the visitor gateway stores it for the ingest worker. */
export const visitorMessagePayloadSchema = z.object({
  visitorId: z.string().min(1).max(64),
  /** The widget's id for the message: with the visitor id, the idempotency key. */
  clientId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  text: z.string().min(1).max(10_000),
  sentAt: z.iso.datetime(),
  name: z.string().trim().min(1).max(120).optional(),
  email: z.email().max(254).optional(),
  topic: z.string().trim().min(1).max(60).optional(),
  /** Left through the offline form (outside hours / nobody online). */
  offline: z.boolean().optional(),
});

export type VisitorMessagePayload = z.infer<typeof visitorMessagePayloadSchema>;

export const visitorExternalId = (visitorId: string, clientId: string): string => `${visitorId}:${clientId}`;
