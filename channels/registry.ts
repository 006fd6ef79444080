// Channel kind -> adapter. Adding a channel is one line here plus its folder.
import { AppError } from '../src/errors.ts';
import { createEmailAdapter } from './email/index.ts';
import { createSmsAdapter } from './sms/index.ts';
import { createTelegramAdapter } from './telegram/index.ts';
import type { ChannelAdapter, ChannelKind } from './types.ts';
import { createVoiceAdapter } from './voice/index.ts';
import { createWhatsappAdapter } from './whatsapp/index.ts';
import { createWebchatAdapter } from './webchat/index.ts';
import type { VisitorTransport } from './webchat/transport.ts';

export interface AdapterOptions {
  /** Where providers reach Parley (PUBLIC_URL), for callback URLs; null for tools that only normalise. */
  publicUrl: string | null;
  /** How the webchat adapter reaches visitors (socket.io through Redis); absent for tools that only normalise. */
  visitors?: VisitorTransport | null;
}

export function createChannelAdapters(opts: AdapterOptions): Partial<Record<ChannelKind, ChannelAdapter>> {
  return {
    email: createEmailAdapter(),
    sms: createSmsAdapter(opts),
    whatsapp: createWhatsappAdapter(opts),
    voice: createVoiceAdapter(),
    telegram: createTelegramAdapter(),
    webchat: createWebchatAdapter({ visitors: opts.visitors ?? null }),
  };
}

export const channelAdapters = createChannelAdapters({ publicUrl: null });

export function adapterLookup(adapters: Partial<Record<ChannelKind, ChannelAdapter>>): (kind: ChannelKind) => ChannelAdapter {
  return (kind) => {
    const adapter = adapters[kind];
    if (!adapter) throw new AppError('unprocessable', `Parley has no ${kind} channel adapter yet`);
    return adapter;
  };
}

export const adapterFor = adapterLookup(channelAdapters);
