// Channel kind -> adapter. Adding a channel is one line here plus its folder.
import { AppError } from '../src/errors.ts';
import { createEmailAdapter } from './email/index.ts';
import type { ChannelAdapter, ChannelKind } from './types.ts';

export const channelAdapters: Partial<Record<ChannelKind, ChannelAdapter>> = {
  email: createEmailAdapter(),
};

export function adapterFor(kind: ChannelKind): ChannelAdapter {
  const adapter = channelAdapters[kind];
  if (!adapter) throw new AppError('unprocessable', `Parley has no ${kind} channel adapter yet`);
  return adapter;
}
