// What an admin learns from pointing an email channel at something that is not a mail server (a
// service that greets first, like SSH, or the real Redis this machine runs): the failure says only
// that the mail server could not be reached; what answered goes to the server log.
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendEmail } from '../../../../channels/email/send.ts';
import type { ChannelConfig, OutboundMessage } from '../../../../channels/types.ts';
import { testRedisUrl } from '../../../support/env.ts';

const redis = new URL(testRedisUrl);
const message: OutboundMessage = { messageId: 'm1', externalId: null, to: { address: 'kim@example.com', name: null }, subject: 'Hi', text: 'Hello', html: null, inReplyTo: null, references: [], attachments: [] };
const channelAt = (host: string, port: number): ChannelConfig => ({ id: 'c', workspaceId: 'w', kind: 'email', address: 'help@acme.test', settings: { smtp: { host, port, secure: false, ignoreTLS: true } } });

describe('sendEmail to a host that is not a mail server', () => {
  let banner: Server;
  beforeAll(async () => {
    banner = createServer((socket) => socket.end('SSH-2.0-OpenSSH_9.2p1 internal-build-host-7\r\n'));
    await new Promise<void>((resolve) => banner.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => banner.close(() => resolve())));

  it('answers a service that greets with its banner generically, keeping the banner for the log only', async () => {
    const result = await sendEmail(message, channelAt('127.0.0.1', (banner.address() as AddressInfo).port), { allowPrivate: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^could not connect to the mail server \(E[A-Z]+\)$/);
    expect(JSON.stringify({ ...result, detail: undefined })).not.toMatch(/internal-build-host|SSH/);
    expect(result.detail).toMatch(/internal-build-host/);
  });

  it('answers a silent service (Redis) generically as well', { timeout: 30_000 }, async () => {
    const result = await sendEmail(message, channelAt(redis.hostname, Number(redis.port || 6379)), { allowPrivate: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^could not connect to the mail server \(E[A-Z]+\)$/);
    expect(result.error).not.toMatch(/ERR|redis|greeting/i);
  });

  it('does not connect at all to a loopback host on an instance that refuses private hosts', async () => {
    const result = await sendEmail(message, channelAt('127.0.0.1', 6379), { allowPrivate: false });
    expect(result).toMatchObject({ ok: false, permanent: true, code: 'host_refused', error: expect.stringMatching(/^could not connect to the mail server: 127\.0\.0\.1 is not a public address/) });
  });
});
