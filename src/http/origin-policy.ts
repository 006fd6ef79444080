// Which web pages may make a browser act on Parley with the agent's cookie: Parley's own origin
// (PUBLIC_URL, and the origin the request itself was addressed to), plus ALLOWED_ORIGINS. Another
// port or a sibling subdomain is the same *site*, so SameSite=Lax cookies still go along: only the
// Origin check stops it. One rule for HTTP (cross-site.ts) and the agents' socket (gateway.ts).
import type { Config } from '../config.ts';

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

/** `scheme://host[:port]` as browsers send it in Origin, or null for what is not an http(s) origin (`null`, garbage). */
export function normalOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

export function allowedOrigins(config: Pick<Config, 'PUBLIC_URL' | 'ALLOWED_ORIGINS'>): ReadonlySet<string> {
  return new Set([config.PUBLIC_URL, ...config.ALLOWED_ORIGINS].map(normalOrigin).filter((o): o is string => o !== null));
}

export interface OriginInput {
  /** The Origin header, if any. */
  origin: string | undefined;
  /** Sec-Fetch-Site, if any: what a browser says when it sends no Origin. */
  fetchSite: string | undefined;
  /** The origin the request was addressed to (scheme + Host header): a page on it is same-origin. */
  self: string | null;
}

/**
 * A request naming a foreign Origin, or (without Origin) marked cross-site or same-site by the
 * browser, is refused. Neither header: not a browser page (curl, an API client with a token).
 */
export function judgeOrigin(input: OriginInput, allowed: ReadonlySet<string>): OriginVerdict {
  if (input.origin !== undefined) {
    const origin = normalOrigin(input.origin);
    if (origin && (allowed.has(origin) || origin === (input.self && normalOrigin(input.self)))) return { ok: true };
    return { ok: false, reason: `Requests from the page at ${input.origin} are not accepted: only Parley's own pages (and ALLOWED_ORIGINS) may change things` };
  }
  const site = input.fetchSite?.toLowerCase();
  if (site === 'cross-site' || site === 'same-site') return { ok: false, reason: `Requests from another site's page (Sec-Fetch-Site: ${site}) are not accepted` };
  return { ok: true };
}
