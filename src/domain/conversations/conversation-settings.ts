// Threading settings every channel shares, read from the channel's settings JSON.
import { z } from 'zod';

export const conversationSettingsSchema = z.object({
  /** A message within this many hours after resolution reopens the conversation; later ones start a new one. */
  reopenWindowHours: z.number().min(0).default(7 * 24),
  /** Per-topic channels: a message with the same topic from the same contact within this window continues the conversation. */
  topicWindowHours: z.number().min(0).default(7 * 24),
});

export type ConversationSettings = z.infer<typeof conversationSettingsSchema>;

export function conversationSettings(settings: unknown): ConversationSettings {
  const parsed = conversationSettingsSchema.safeParse(settings ?? {});
  return parsed.success ? parsed.data : conversationSettingsSchema.parse({});
}
