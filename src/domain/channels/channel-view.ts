// A channel as every agent sees it (GET /api/channels: filters, icons, the reply box): never its
// settings, which hold provider credentials; only the templates agents may send. Node-free
// (src/contract).
import type { Channel } from '../../db/model-types.ts';

/**
 * A provider-approved template agents may send (WhatsApp / SMS Content templates). The same shape
 * as channels/types.ts's MessageTemplate, which the web app's type check cannot load (it pulls in
 * every adapter); test/unit/contract/channel-shapes.test.ts keeps the two equal.
 */
export interface MessageTemplate {
  name: string;
  contentSid: string;
  /** The text with its placeholders ({{1}} ...), for the preview. */
  body: string;
  variables: { key: string; label: string }[];
}

export type ChannelView = Pick<Channel, 'id' | 'kind' | 'name' | 'address' | 'active'> & {
  /** How many bytes of files a reply may carry here; null when the channel sends no files. */
  maxReplyFileBytes: number | null;
  /** The approved templates agents may send here (never the credentials beside them). */
  templates: MessageTemplate[];
};
