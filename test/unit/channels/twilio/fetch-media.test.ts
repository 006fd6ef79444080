// Media downloads against real local HTTP servers: credentials go to Twilio's API origin only,
// never along a redirect to the storage host; size limits hold without a Content-Length.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTwilioMedia } from '../../../../channels/twilio/fetch-media.ts';
import type { ChannelConfig } from '../../../../channels/types.ts';

const seen: { server: string; path: string; headers: IncomingHttpHeaders }[] = [];
let api: Server;
let storage: Server;
let apiUrl: string;
let storageUrl: string;

const listen = (name: string, handler: (path: string, res: import('node:http').ServerResponse) => void) =>
  new Promise<{ server: Server; url: string }>((resolve) => {
    const server = createServer((req, res) => {
      seen.push({ server: name, path: req.url ?? '', headers: req.headers });
      handler(req.url ?? '', res);
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });

beforeAll(async () => {
  ({ server: storage, url: storageUrl } = await listen('storage', (path, res) => {
    if (path === '/chunked') {
      res.writeHead(200, { 'content-type': 'image/png' });
      for (let i = 0; i < 10; i++) res.write(Buffer.alloc(100, i));
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'image/jpeg' });
    res.end(Buffer.from('jpeg bytes'));
  }));
  ({ server: api, url: apiUrl } = await listen('api', (path, res) => {
    if (path === '/gone') return void res.writeHead(404).end();
    if (path === '/busy') return void res.writeHead(503).end();
    res.writeHead(307, { location: `${storageUrl}${path === '/big' ? '/chunked' : '/file'}` });
    res.end();
  }));
});
afterAll(async () => {
  await new Promise((r) => api.close(r));
  await new Promise((r) => storage.close(r));
});

const channel = (): ChannelConfig => ({ id: 'c', workspaceId: 'w', kind: 'sms', address: '+14155550100', settings: { accountSid: 'AC6f2b1e1a9c0d4f5e8a7b6c5d4e3f2a1b', authToken: 'secret' } });

/** The test's servers are on loopback: as on an instance with ALLOW_PRIVATE_HOSTS. */
const media = (maxBytes: number) => ({ maxBytes, apiBase: apiUrl, hosts: { allowPrivate: true } });

describe('fetchTwilioMedia', () => {
  it('sends basic auth to the API origin and follows the redirect to storage without it', async () => {
    const result = await fetchTwilioMedia(`${apiUrl}/2010-04-01/Accounts/AC/Messages/MM/Media/ME`, channel(), media(1000));
    expect(result).toEqual({ ok: true, content: Buffer.from('jpeg bytes'), contentType: 'image/jpeg' });
    const [first, second] = seen.slice(-2);
    expect(first).toMatchObject({ server: 'api' });
    expect(first!.headers.authorization).toBe(`Basic ${Buffer.from('AC6f2b1e1a9c0d4f5e8a7b6c5d4e3f2a1b:secret').toString('base64')}`);
    expect(second).toMatchObject({ server: 'storage' });
    expect(second!.headers.authorization).toBeUndefined();
  });

  it('stops reading a file without Content-Length once it passes the limit', async () => {
    const result = await fetchTwilioMedia(`${apiUrl}/big`, channel(), media(500));
    expect(result).toEqual({ ok: false, permanent: true, error: 'the file is over 500 bytes, more than the 500 bytes allowed (MEDIA_MAX_BYTES)' });
  });

  it('gives up on a missing file and retries a busy provider', async () => {
    expect(await fetchTwilioMedia(`${apiUrl}/gone`, channel(), media(500))).toMatchObject({ ok: false, permanent: true });
    expect(await fetchTwilioMedia(`${apiUrl}/busy`, channel(), media(500))).toMatchObject({ ok: false, permanent: false });
    expect(await fetchTwilioMedia('http://127.0.0.1:1/nothing-listens', channel(), { ...media(500), apiBase: 'http://127.0.0.1:1' })).toMatchObject({ ok: false, permanent: false });
  });

  it('fetches nothing from a URL that is not on Twilio’s API origin (a signed webhook may name any URL)', async () => {
    const before = seen.length;
    expect(await fetchTwilioMedia(`${storageUrl}/file`, channel(), media(500))).toEqual({ ok: false, permanent: true, error: `not a Twilio media URL: ${storageUrl}` });
    expect(await fetchTwilioMedia('http://169.254.169.254/latest/meta-data/', channel(), media(500))).toMatchObject({ ok: false, permanent: true });
    expect(seen.length).toBe(before);
  });

  it('follows a redirect only to a host the instance’s policy allows', async () => {
    const before = seen.length;
    const strict = await fetchTwilioMedia(`${apiUrl}/2010-04-01/Accounts/AC/Messages/MM/Media/ME`, channel(), { ...media(1000), hosts: { allowPrivate: false } });
    expect(strict).toMatchObject({ ok: false, permanent: true, error: expect.stringMatching(/^media redirect refused: 127\.0\.0\.1 is not a public address/) });
    expect(seen.slice(before).map((r) => r.server)).toEqual(['api']);
  });
});
