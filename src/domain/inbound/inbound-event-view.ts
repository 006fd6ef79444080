// Inbound events as supervisors inspect them: what arrived on which channel, what became of it and
// why, and the raw payload as plain text (never markup), cut to a preview unless asked for whole.
// Node-free (model types only): src/contract hands these types to the web app.
import type { InboundStatus, Prisma } from '../../db/model-types.ts';

/** How much of a payload the list shows; the event's own page shows up to PAYLOAD_FULL_CHARS. */
export const PAYLOAD_PREVIEW_CHARS = 2_000;
export const PAYLOAD_FULL_CHARS = 1_000_000;

export interface PayloadText {
  /** The raw bytes as UTF-8 (an email's MIME source), or the stored JSON pretty-printed. */
  format: 'raw' | 'json' | 'none';
  text: string;
  /** Characters of the whole payload text. */
  length: number;
  truncated: boolean;
}

export const inboundEventViewInclude = {
  channel: { select: { id: true, name: true, kind: true, address: true } },
  message: { select: { conversationId: true } },
} satisfies Prisma.InboundEventInclude;

type InboundEventRow = Prisma.InboundEventGetPayload<{ include: typeof inboundEventViewInclude }>;

export function toInboundEventView(e: InboundEventRow, opts: { maxChars: number }) {
  return {
    id: e.id,
    status: e.status,
    error: e.error,
    attempts: e.attempts,
    externalId: e.externalId,
    channel: e.channel,
    messageId: e.messageId,
    /** The conversation the event became, once processed. */
    conversationId: e.message?.conversationId ?? null,
    receivedAt: e.receivedAt.toISOString(),
    processedAt: e.processedAt?.toISOString() ?? null,
    payload: payloadText(e, opts.maxChars),
  };
}

export type InboundEventView = ReturnType<typeof toInboundEventView>;

/** A failure or rejection, to supervisors as it happens (the nav's badge counts them). */
export interface InboundFailedEvent {
  id: string;
  channelId: string;
  status: Extract<InboundStatus, 'failed' | 'rejected'>;
  error: string | null;
  at: string;
}

/** One event of a (bulk) retry: queued again, or why not. */
export type RetryResult = { id: string; status: 'received' } | { id: string; error: { code: string; message: string } };

/** GET /api/inbound-events/unseen: failures since the viewer last looked (null: never). */
export interface InboundFailuresUnseen {
  count: number;
  seenAt: string | null;
}

export function payloadText(e: { raw: Uint8Array | null; payload: unknown }, maxChars: number): PayloadText {
  const full = e.raw ? new TextDecoder('utf-8').decode(e.raw) : e.payload != null ? JSON.stringify(e.payload, null, 2) : '';
  const format = e.raw ? 'raw' : e.payload != null ? 'json' : 'none';
  const text = inertText(full.length > maxChars ? full.slice(0, maxChars) : full);
  return { format, text, length: full.length, truncated: full.length > maxChars };
}

/**
 * Control characters (but tab and line breaks) and bidirectional overrides shown as visible
 * escapes: a payload can neither garble the page nor reorder what a supervisor reads.
 */
export function inertText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
