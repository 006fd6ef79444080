// The custom API's webhook (/webhooks/custom/<channel id>): signed JSON events, each kept under its
// id before the 200, so the connected system may retry freely. A body that is no JSON is kept as
// bytes, and ingest records why it cannot be read.
import { createHash } from 'node:crypto';
import type { ChannelWebhook } from '../types.ts';
import { CUSTOM_MAX_BYTES } from './normalize.ts';
import { customEventKey } from './schema.ts';

export const customWebhook: ChannelWebhook = {
  steps: [''],
  maxBodyBytes: CUSTOM_MAX_BYTES,
  contentTypes: ['application/json'],
  // Nothing of a forged request's body is kept, only that it came and why it was refused.
  rejectedDetails: () => ({}),
  async receive(req) {
    const answer = (body: object) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    let event: unknown;
    try {
      event = JSON.parse(req.rawBody.toString('utf8'));
    } catch {
      event = null;
    }
    const id = (event as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || id.trim() === '') {
      const key = `unreadable:${createHash('sha256').update(req.rawBody).digest('hex')}`;
      return { events: [{ key, raw: req.rawBody }], answer: answer({ received: true }) };
    }
    const type = (event as { type?: unknown }).type;
    return { events: [{ key: customEventKey({ id: id.trim(), type: typeof type === 'string' ? type : undefined }), payload: event }], answer: answer({ received: true, id: id.trim() }) };
  },
};
