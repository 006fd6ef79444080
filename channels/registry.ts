// Channel kind -> adapter: the one place that lists the channels. Adding a channel is its folder,
// its kind in `channelKinds` (channels/kinds.ts) and its line in `createChannelAdapters`; everything
// else per kind (labels, icon, settings, admin form, capacity weight, edges) is read from the adapter.
import { createCustomAdapter } from './custom/index.ts';
import { createEmailAdapter } from './email/index.ts';
import type { DNSResolver } from './email/authenticate-inbound.ts';
import { createSmsAdapter } from './sms/index.ts';
import { createTelegramAdapter } from './telegram/index.ts';
import type { ChannelAdapter } from './types.ts';
import { createVoiceAdapter } from './voice/index.ts';
import { createWhatsappAdapter } from './whatsapp/index.ts';
import { createWebchatAdapter } from './webchat/index.ts';
import type { VisitorTransport } from './webchat/transport.ts';
import type { HostPolicy } from './host-policy.ts';
import { defaultProviderEndpoints, type ProviderEndpoints } from './provider-endpoints.ts';
import { channelKinds, type ChannelKind } from './kinds.ts';

export { channelKinds, type ChannelKind };

export interface AdapterOptions {
  /** Where providers reach Parley (PUBLIC_URL), for callback URLs; null for tools that only normalise. */
  publicUrl: string | null;
  /** How the webchat adapter reaches visitors (socket.io through Redis); absent for tools that only normalise. */
  visitors?: VisitorTransport | null;
  /** The DNS the email edge checks senders with (SPF, DKIM, DMARC); node's resolver when absent. */
  dns?: DNSResolver;
  /** The providers' API endpoints for the whole instance (TELEGRAM_API_ROOT, TWILIO_API_BASE); the providers' own by default. */
  providers?: ProviderEndpoints;
  /** Which workspace-given hosts (SMTP, IMAP, a reply URL) channels may connect to; public ones only by default. */
  hosts?: HostPolicy;
}

export type ChannelAdapters = Record<ChannelKind, ChannelAdapter>;

export function createChannelAdapters(opts: AdapterOptions): ChannelAdapters {
  const providers = opts.providers ?? defaultProviderEndpoints;
  const hosts = opts.hosts ?? { allowPrivate: false };
  const twilio = { publicUrl: opts.publicUrl, apiBase: providers.twilioApiBase, hosts };
  return {
    email: createEmailAdapter({ resolver: opts.dns, hosts }),
    sms: createSmsAdapter(twilio),
    whatsapp: createWhatsappAdapter(twilio),
    voice: createVoiceAdapter(twilio),
    telegram: createTelegramAdapter({ apiRoot: providers.telegramApiRoot }),
    webchat: createWebchatAdapter({ visitors: opts.visitors ?? null }),
    custom: createCustomAdapter({ hosts }),
  } satisfies ChannelAdapters;
}

/** Adapters without a runtime (no callback URL, no visitor transport): for metadata and normalising. */
export const channelAdapters = createChannelAdapters({ publicUrl: null });

export const isChannelKind = (kind: string): kind is ChannelKind => (channelKinds as readonly string[]).includes(kind);

/** Raised for a kind no adapter handles: a row written by a newer or older Parley, or a typo in a tool's argument. */
export class UnknownChannelKind extends Error {
  override readonly name = 'UnknownChannelKind';
  constructor(readonly kind: string) {
    super(`Parley has no "${kind}" channel (known: ${channelKinds.join(', ')})`);
  }
}

export function asChannelKind(kind: string): ChannelKind {
  if (!isChannelKind(kind)) throw new UnknownChannelKind(kind);
  return kind;
}

export function adapterLookup(adapters: ChannelAdapters): (kind: string) => ChannelAdapter {
  return (kind) => adapters[asChannelKind(kind)];
}

export const adapterFor = adapterLookup(channelAdapters);

/** A table with one entry per kind, derived from the adapters (the only way to build one outside channels/). */
export function perChannelKind<T>(pick: (adapter: ChannelAdapter) => T, adapters: ChannelAdapters = channelAdapters): Record<ChannelKind, T> {
  return Object.fromEntries(channelKinds.map((k) => [k, pick(adapters[k])])) as Record<ChannelKind, T>;
}
