// Which URL a webhook signature is checked against: PUBLIC_URL, or the proxy's forwarded view of
// the request only when TRUST_PROXY says the proxy is ours.
import { describe, expect, it } from 'vitest';
import { publicBaseUrl } from '../../../src/http/public-url.ts';

const requested = new URL('http://10.0.0.5:3000/webhooks/twilio/messages');
const forwarded = { host: '10.0.0.5:3000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'support.acme.example' };

describe('publicBaseUrl', () => {
  it('is PUBLIC_URL (without a trailing slash) unless the proxy is trusted, whatever headers say', () => {
    expect(publicBaseUrl(requested, forwarded, { PUBLIC_URL: 'https://parley.acme.example/', TRUST_PROXY: false })).toBe('https://parley.acme.example');
  });

  it('keeps a path prefix of PUBLIC_URL', () => {
    expect(publicBaseUrl(requested, {}, { PUBLIC_URL: 'https://acme.example/parley', TRUST_PROXY: false })).toBe('https://acme.example/parley');
  });

  it('uses X-Forwarded-Proto and X-Forwarded-Host behind a trusted proxy (the first hop of a list)', () => {
    expect(publicBaseUrl(requested, forwarded, { PUBLIC_URL: 'http://localhost:3000', TRUST_PROXY: true })).toBe('https://support.acme.example');
    expect(publicBaseUrl(requested, { ...forwarded, 'x-forwarded-proto': 'https, http', 'x-forwarded-host': 'a.example, b.internal' }, { PUBLIC_URL: 'http://localhost:3000', TRUST_PROXY: true })).toBe('https://a.example');
  });

  it('falls back to the request itself behind a trusted proxy that sets nothing', () => {
    expect(publicBaseUrl(requested, { host: '10.0.0.5:3000' }, { PUBLIC_URL: 'http://localhost:3000', TRUST_PROXY: true })).toBe('http://10.0.0.5:3000');
  });
});
