// The URL a provider called us at, as it signed it. Behind a proxy that is not the URL we see:
// use PUBLIC_URL, or, only when TRUST_PROXY says the proxy is ours, the X-Forwarded-Proto /
// X-Forwarded-Host it sets.
import type { Context } from 'hono';
import type { AppDeps } from './context.ts';

export function publicBaseUrl(requested: URL, headers: Record<string, string>, config: Pick<AppDeps['config'], 'PUBLIC_URL' | 'TRUST_PROXY'>): string {
  if (!config.TRUST_PROXY) return config.PUBLIC_URL.replace(/\/+$/, '');
  const first = (value: string | undefined) => value?.split(',')[0]?.trim() || undefined;
  const proto = first(headers['x-forwarded-proto']) ?? requested.protocol.replace(/:$/, '');
  const host = first(headers['x-forwarded-host']) ?? headers.host ?? requested.host;
  return `${proto}://${host}`;
}

/** The base of links Parley hands people (invites, password resets) for this request. */
export function linkBaseUrl(c: Context, config: Pick<AppDeps['config'], 'PUBLIC_URL' | 'TRUST_PROXY'>): string {
  const headers: Record<string, string> = {};
  c.req.raw.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  return publicBaseUrl(new URL(c.req.url), headers, config);
}
