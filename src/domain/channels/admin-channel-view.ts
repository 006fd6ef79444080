// A channel as admins see it (GET/POST/PATCH /api/channels/:id): with its settings, every secret
// in them redacted. Node-free (src/contract).
import type { Channel, Prisma } from '../../db/model-types.ts';

/** Stands in for a secret in what the API shows; sent back unchanged, it keeps the stored secret. */
export const REDACTED = '••••••••';
const isSecretKey = (key: string) => /(token|pass|password|secret)$/i.test(key);

type Json = Prisma.JsonValue;

/** Settings with every secret replaced by REDACTED, at any depth. */
export function redactSecrets(value: Json): Json {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretKey(k) && typeof v === 'string' && v !== '' ? REDACTED : redactSecrets(v as Json)]));
}

/** `webhookUrl`: where the provider posts for this channel, for the admin to configure there (null: the kind has no webhook). */
export function toAdminChannelView(c: Channel, webhookUrl: string | null) {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    address: c.address,
    active: c.active,
    webhookUrl,
    // Every kind's settings schema is an object, and nothing else is saved (manage-channels.ts).
    settings: redactSecrets(c.settings) as Prisma.JsonObject,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export type AdminChannelView = ReturnType<typeof toAdminChannelView>;
