// The origin rule shared by the API and the agents' socket: Parley's own pages and ALLOWED_ORIGINS
// pass; another port or a sibling subdomain (same site, other origin) does not.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { allowedOrigins, judgeOrigin, normalOrigin } from '../../../src/http/origin-policy.ts';

const allowed = allowedOrigins(loadConfig({ PUBLIC_URL: 'https://help.acme.example/', ALLOWED_ORIGINS: 'https://desk.acme.example, http://localhost:5173' }));
const self = 'http://10.0.0.5:3000';
const judge = (origin: string | undefined, fetchSite?: string) => judgeOrigin({ origin, fetchSite, self }, allowed).ok;

describe('the origin policy', () => {
  it('allows PUBLIC_URL, ALLOWED_ORIGINS and the origin the request was addressed to', () => {
    expect([...allowed].sort()).toEqual(['http://localhost:5173', 'https://desk.acme.example', 'https://help.acme.example']);
    expect(judge('https://help.acme.example')).toBe(true);
    expect(judge('https://HELP.acme.example:443')).toBe(true);
    expect(judge('https://desk.acme.example')).toBe(true);
    expect(judge('http://10.0.0.5:3000')).toBe(true);
  });

  it('refuses another port, a sibling subdomain, another scheme and the opaque origin null', () => {
    expect(judge('https://help.acme.example:8443')).toBe(false);
    expect(judge('http://10.0.0.5:3001')).toBe(false);
    expect(judge('https://blog.acme.example')).toBe(false);
    expect(judge('http://help.acme.example')).toBe(false);
    expect(judge('null')).toBe(false);
    expect(judgeOrigin({ origin: 'http://10.0.0.5:3001', fetchSite: undefined, self }, allowed)).toEqual({
      ok: false,
      reason: "Requests from the page at http://10.0.0.5:3001 are not accepted: only Parley's own pages (and ALLOWED_ORIGINS) may change things",
    });
  });

  it('without Origin, trusts Sec-Fetch-Site: same-origin and none pass, same-site and cross-site do not', () => {
    expect(judge(undefined, 'same-origin')).toBe(true);
    expect(judge(undefined, 'none')).toBe(true);
    expect(judge(undefined, 'same-site')).toBe(false);
    expect(judge(undefined, 'cross-site')).toBe(false);
  });

  it('lets a request with neither header through: it is not from a browser page (curl, API clients with a token)', () => {
    expect(judge(undefined)).toBe(true);
  });

  it('reads only http(s) origins', () => {
    expect(normalOrigin('file:///etc/passwd')).toBeNull();
    expect(normalOrigin('not a url')).toBeNull();
    expect(normalOrigin('http://Example.test:80')).toBe('http://example.test');
  });
});

describe('ALLOWED_ORIGINS', () => {
  it('is empty by default and refuses an entry that is not an origin, naming the variable', () => {
    expect(loadConfig({}).ALLOWED_ORIGINS).toEqual([]);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://ok.example, https://bad.example/path' })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'ftp://files.example' })).toThrow(/ALLOWED_ORIGINS/);
  });
});
