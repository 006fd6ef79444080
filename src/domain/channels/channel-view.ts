// A channel as every agent sees it (GET /api/channels: filters, icons, the reply box): never its
// settings, which hold provider credentials; only the templates agents may send. Node-free
// (src/contract).
import type { Channel } from '../../db/model-types.ts';

import type { MessageTemplate } from '../../../channels/setup-types.ts';

export type { MessageTemplate };

export type ChannelView = Pick<Channel, 'id' | 'kind' | 'name' | 'address' | 'active'> & {
  /** How many bytes of files a reply may carry here; null when the channel sends no files. */
  maxReplyFileBytes: number | null;
  /** The approved templates agents may send here (never the credentials beside them). */
  templates: MessageTemplate[];
};
