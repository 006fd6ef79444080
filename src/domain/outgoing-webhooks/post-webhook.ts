// One signed POST to an endpoint. The host is checked (public addresses only, unless
// WEBHOOK_ALLOW_PRIVATE) and the connection goes to the very address checked, so a DNS answer that
// changes between check and connect cannot reach an internal service. Redirects are not followed.
// 2xx: delivered. 4xx other than 408 and 429: permanent. 5xx, 408, 429, network errors and the
// timeout: retried.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { checkHost } from '../../../channels/host-policy.ts';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from './sign-webhook.ts';

export interface PostOptions {
  allowPrivate: boolean;
  timeoutMs: number;
  now: Date;
}

export interface WebhookRequest {
  url: string;
  secret: string;
  deliveryId: string;
  eventType: string;
  body: string;
}

export type PostOutcome =
  | { ok: true; status: number; excerpt: string }
  | { ok: false; permanent: boolean; status: number | null; excerpt: string | null; error: string };

const EXCERPT_BYTES = 500;

const retriable = (status: number) => status >= 500 || status === 408 || status === 429;

/** A lookup that answers the address already checked, whatever the resolver would say now. */
function pinnedLookup(address: string): LookupFunction {
  const family = ipaddr.parse(address).kind() === 'ipv6' ? 6 : 4;
  return (_host, options, callback) => {
    if (options.all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

export async function postWebhook(req: WebhookRequest, opts: PostOptions): Promise<PostOutcome> {
  const url = new URL(req.url);
  const target = await checkHost(url.hostname, { allowPrivate: opts.allowPrivate });
  if (!target.ok) return { ok: false, permanent: true, status: null, excerpt: null, error: `refused: ${target.reason}` };
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Parley-Webhooks/1',
    'content-length': String(Buffer.byteLength(req.body)),
    [SIGNATURE_HEADER]: signatureHeader(req.secret, req.body, opts.now),
    [EVENT_HEADER]: req.eventType,
    [DELIVERY_HEADER]: req.deliveryId,
  };
  const lookup = ipaddr.isValid(target.address) ? pinnedLookup(target.address) : undefined;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<PostOutcome>((resolve) => {
    const request = client.request(url, { method: 'POST', headers, ...(lookup ? { lookup } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < EXCERPT_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => {
        clearTimeout(timer);
        const status = res.statusCode ?? 0;
        const excerpt = Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_BYTES);
        if (status >= 200 && status < 300) resolve({ ok: true, status, excerpt });
        else resolve({ ok: false, permanent: !retriable(status), status, excerpt, error: `the endpoint answered ${status}` });
      });
      res.on('error', (err) => fail(err));
    });
    const fail = (err: Error) => {
      clearTimeout(timer);
      resolve({ ok: false, permanent: false, status: null, excerpt: null, error: `could not reach ${url.host}: ${err.message}` });
    };
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${opts.timeoutMs / 1000} s`)), opts.timeoutMs);
    request.on('error', fail);
    request.end(req.body);
  });
}
