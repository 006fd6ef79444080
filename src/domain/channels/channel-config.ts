// A stored channel as adapters see it (ChannelConfig): the one place a row's text kind becomes a
// registry kind. A row of a kind this Parley has no adapter for throws UnknownChannelKind.
import { asChannelKind } from '../../../channels/registry.ts';
import type { ChannelConfig } from '../../../channels/types.ts';
import type { Channel } from '../../db/client.ts';

export function toChannelConfig(channel: Pick<Channel, 'id' | 'workspaceId' | 'kind' | 'address' | 'settings'>): ChannelConfig {
  return { id: channel.id, workspaceId: channel.workspaceId, kind: asChannelKind(channel.kind), address: channel.address, settings: channel.settings };
}
