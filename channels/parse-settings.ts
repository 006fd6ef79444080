// Reads a channel's stored settings against its kind's schema: the settings, or one line naming
// the first bad field (shown to admins and on failed deliveries).
import type { z } from 'zod';

export type SettingsResult<T> = { ok: true; settings: T } | { ok: false; error: string };

export function parseSettings<T extends z.ZodType>(schema: T, raw: unknown, what: string): SettingsResult<z.infer<T>> {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, settings: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `${what} settings are invalid: ${issue ? `${issue.path.join('.') || 'settings'}: ${issue.message}` : 'unknown problem'}` };
}
