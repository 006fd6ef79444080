// An agent's reply to the connected system: POSTed as signed JSON to the channel's replyUrl. A 2xx
// is sent (the answer's `id`, if any, becomes the message's provider id for status events); 4xx
// other than 408/429 is permanent; anything else is retried by the deliver worker.
import { checkHost, type HostPolicy } from '../host-policy.ts';
import type { ChannelConfig, OutboundMessage, SendResult } from '../types.ts';
import { parseCustomSettings } from './schema.ts';
import { signedHeaders } from './signature.ts';

export interface CustomSendDeps {
  fetch: typeof fetch;
  now(): Date;
  /** How long one POST may take. */
  timeoutMs: number;
  /** Whether the reply URL may be a private host (ALLOW_PRIVATE_HOSTS). */
  hosts: HostPolicy;
}

export function replyBody(msg: OutboundMessage): string {
  return JSON.stringify({
    id: msg.messageId,
    type: 'reply',
    to: { id: msg.to.address, name: msg.to.name },
    text: msg.text,
    html: msg.html,
    author: msg.authorName ?? null,
    attachments: msg.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, contentBase64: a.content.toString('base64') })),
  });
}

const retriable = (status: number) => status >= 500 || status === 408 || status === 429;

export async function sendCustom(deps: CustomSendDeps, msg: OutboundMessage, channel: ChannelConfig): Promise<SendResult> {
  const parsed = parseCustomSettings(channel.settings);
  if (!parsed.ok) return { ok: false, permanent: true, error: parsed.error, code: 'invalid_settings' };
  const { replyUrl, signingSecret } = parsed.settings;
  if (!replyUrl) return { ok: false, permanent: true, error: 'the channel has no replyUrl to send replies to', code: 'no_reply_url' };
  // Checked on every send (DNS may have changed since the URL was saved); fetch resolves the name
  // again, so a name that flips between lookups is the one gap left (no pinning with global fetch).
  const target = await checkHost(new URL(replyUrl).hostname, deps.hosts);
  if (!target.ok) return { ok: false, permanent: true, error: `the reply URL is refused: ${target.reason}`, code: 'host_refused' };
  const body = replyBody(msg);
  let res: Response;
  try {
    res = await deps.fetch(replyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': msg.messageId, ...signedHeaders(signingSecret, body, deps.now()) },
      body,
      // A redirect is an answer, not followed: it could lead to a host the check above would refuse.
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
  } catch (err) {
    return { ok: false, permanent: false, error: `could not reach ${new URL(replyUrl).host}: ${err instanceof Error ? err.message : String(err)}`, code: 'unreachable' };
  }
  const answer = await res.text().catch(() => '');
  if (!res.ok) return { ok: false, permanent: !retriable(res.status), error: `the connected system answered ${res.status}${answer ? `: ${answer.slice(0, 300)}` : ''}`, code: String(res.status) };
  return { ok: true, externalId: idOf(answer) ?? msg.messageId, status: 'sent' };
}

function idOf(answer: string): string | null {
  try {
    const id = (JSON.parse(answer) as { id?: unknown } | null)?.id;
    return typeof id === 'string' && id.trim() !== '' ? id.trim().slice(0, 200) : null;
  } catch {
    return null;
  }
}
