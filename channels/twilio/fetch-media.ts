// Downloads a file Twilio hosts (MMS / WhatsApp media, call recordings). Twilio may require HTTP
// basic auth with the account SID and token (https://www.twilio.com/docs/messaging/guides/how-to-secure-media),
// then redirects to its storage: credentials go only to Twilio's API origin, never along a redirect.
// The URL comes from a webhook anyone holding the auth token can sign (a workspace admin), so it
// must be on Twilio's API origin, and a redirect may lead only to a public host (host-policy.ts).
import { checkHost, type HostPolicy } from '../host-policy.ts';
import type { ChannelConfig, FetchedMedia } from '../types.ts';
import { isTwilioApiOrigin } from './client.ts';
import { parseTwilioSettings, type TwilioSettings } from './schema.ts';

const MAX_REDIRECTS = 5;
const TIMEOUT_MS = 60_000;

export async function fetchTwilioMedia(url: string, channel: ChannelConfig, opts: { maxBytes: number; apiBase: string | null; hosts: HostPolicy }): Promise<FetchedMedia> {
  const parsed = parseTwilioSettings(channel.settings);
  if (!parsed.ok) return { ok: false, permanent: true, error: parsed.error };
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, permanent: true, error: `not a URL: ${url}` };
  }
  if (!isTwilioApiOrigin(target, opts.apiBase)) return { ok: false, permanent: true, error: `not a Twilio media URL: ${target.origin}` };
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (target.protocol !== 'https:' && target.protocol !== 'http:') return { ok: false, permanent: true, error: `cannot fetch ${target.protocol} URLs` };
    if (hop > 0 && !isTwilioApiOrigin(target, opts.apiBase)) {
      const check = await checkHost(target.hostname, opts.hosts);
      if (!check.ok) return { ok: false, permanent: true, error: `media redirect refused: ${check.reason}` };
    }
    let res: Response;
    try {
      res = await fetch(target, { headers: headersFor(target, parsed.settings, opts.apiBase), redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      return { ok: false, permanent: false, error: `could not fetch media: ${err instanceof Error ? err.message : String(err)}` };
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      target = new URL(location, target);
      continue;
    }
    return readResponse(res, opts.maxBytes);
  }
  return { ok: false, permanent: true, error: `more than ${MAX_REDIRECTS} redirects fetching media` };
}

function headersFor(url: URL, settings: TwilioSettings, apiBase: string | null): Record<string, string> {
  if (!isTwilioApiOrigin(url, apiBase)) return {};
  return { authorization: `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}` };
}

async function readResponse(res: Response, maxBytes: number): Promise<FetchedMedia> {
  if (!res.ok) {
    await res.body?.cancel();
    return { ok: false, permanent: res.status < 500 && res.status !== 429, error: `the provider answered HTTP ${res.status} for the media file` };
  }
  const tooLarge = (size: string) => ({ ok: false as const, permanent: true, error: `the file is ${size} bytes, more than the ${maxBytes} bytes allowed (MEDIA_MAX_BYTES)` });
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    return tooLarge(String(declared));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body ?? []) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        return tooLarge(`over ${maxBytes}`);
      }
      chunks.push(Buffer.from(chunk));
    }
  } catch (err) {
    return { ok: false, permanent: false, error: `media download broke off: ${err instanceof Error ? err.message : String(err)}` };
  }
  return { ok: true, content: Buffer.concat(chunks), contentType: res.headers.get('content-type') };
}
