// No SSRF through workspace settings, over the real API, workers and Postgres on an instance that
// refuses private hosts (ALLOW_PRIVATE_HOSTS=false, as in production): SMTP, IMAP and reply-URL
// hosts on loopback, private or metadata addresses are refused when saved and again when Parley
// would connect, and provider API roots are no longer channel settings at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollImapChannel } from '../../../channels/email/imap-poll.ts';
import { toChannelConfig } from '../../../src/domain/channels/channel-config.ts';
import { createListenerContext } from '../../../src/domain/inbound/listener-context.ts';
import { listenerSettings } from '../../../src/runtime-listeners.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

const smtp = (host: string) => ({ host, port: 6379, secure: false });

describe('outbound hosts on an instance that refuses private ones', () => {
  let h: Harness;
  let admin: string;

  beforeAll(async () => {
    h = await startHarness({ env: { ALLOW_PRIVATE_HOSTS: 'false' } });
    admin = await h.login(h.workspace.agents[0]!.email);
  });
  afterAll(async () => h?.close());

  const addEmail = (address: string, settings: Record<string, unknown>) => h.api(admin, 'POST', '/api/channels', { kind: 'email', name: 'Mail', address, settings });

  it.each([
    ['loopback', '127.0.0.1'],
    ['a name for loopback', 'localhost'],
    ['the metadata service', '169.254.169.254'],
    ['a private network', '10.20.30.40'],
    ['IPv6 loopback', '::1'],
  ])('refuses an SMTP host on %s when the channel is saved, naming the field', async (_, host) => {
    const res = await addEmail(`smtp-${host.replace(/[^a-z0-9]/g, '')}@acme.test`, { smtp: smtp(host) });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/^settings\.smtp\.host: .* is not a public address/);
  });

  it('refuses an IMAP host on a private address and a custom reply URL on loopback', async () => {
    const imap = await addEmail('imap-private@acme.test', { smtp: smtp('93.184.215.14'), imap: { host: '192.168.0.10', auth: { user: 'u', pass: 'p' } } });
    expect(imap.status).toBe(422);
    expect(imap.body.error.message).toMatch(/^settings\.imap\.host: /);
    const custom = await h.api(admin, 'POST', '/api/channels', { kind: 'custom', name: 'Shop', address: 'shop-backend', settings: { signingSecret: 'a-long-enough-secret', replyUrl: 'http://127.0.0.1:6379/' } });
    expect(custom.status).toBe(422);
    expect(custom.body.error.message).toMatch(/^settings\.replyUrl: /);
    expect(await h.testDb.db.channel.count({ where: { address: { in: ['imap-private@acme.test', 'shop-backend'] } } })).toBe(0);
  });

  it('refuses moving an existing channel’s SMTP host to loopback, keeping the stored one', async () => {
    const created = await addEmail('public@acme.test', { smtp: smtp('93.184.215.14') });
    expect(created.status).toBe(201);
    const moved = await h.api(admin, 'PATCH', `/api/channels/${created.body.id}`, { settings: { smtp: { host: '127.0.0.1' } } });
    expect(moved.status).toBe(422);
    expect(((await h.testDb.db.channel.findUniqueOrThrow({ where: { id: created.body.id } })).settings as any).smtp.host).toBe('93.184.215.14');
  });

  it('does not take a Telegram API root or a Twilio API base from a workspace', async () => {
    const telegram = await h.api(admin, 'POST', '/api/channels', { kind: 'telegram', name: 'Bot', address: 'acme_ssrf_bot', settings: { botToken: '123456:AAsecret', apiRoot: 'http://127.0.0.1:6379' } });
    expect(telegram.status).toBe(422);
    expect(telegram.body.error.message).toMatch(/apiRoot is not a channel setting.*TELEGRAM_API_ROOT/);
    const sms = await h.api(admin, 'POST', '/api/channels', {
      kind: 'sms',
      name: 'SMS',
      address: '+14155550100',
      settings: { accountSid: `AC${'0'.repeat(32)}`, authToken: 't', apiBaseUrl: 'http://169.254.169.254/latest/meta-data' },
    });
    expect(sms.status).toBe(422);
    expect(sms.body.error.message).toMatch(/apiBaseUrl is not a channel setting.*TWILIO_API_BASE/);
  });

  it('refuses to connect when a stored SMTP host is private (saved before, or DNS changed), with a generic reason', async () => {
    // The harness's own email channel was written straight to the database with a loopback SMTP host.
    const messageId = await h.sendCustomerMail({ from: 'kim@customer.test', subject: 'Help', text: 'Hello' });
    const conversationId = await h.conversationFor(messageId);
    const reply = await h.api(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'On it.' });
    expect(reply.status).toBeLessThan(300);
    const failed = await waitUntil(async () => {
      const m = await h.testDb.db.message.findFirst({ where: { conversationId, direction: 'out', deliveryStatus: 'failed' } });
      return m ?? null;
    }, 'the reply refused');
    expect(failed.deliveryError).toBe('could not connect to the mail server: 127.0.0.1 is not a public address (loopback, private and link-local hosts are refused on this instance) (host_refused)');
    expect(h.sink.messages).toHaveLength(0);
  });

  it('refuses to poll a stored IMAP host on loopback, recording a generic reason on the channel', async () => {
    const row = await h.testDb.db.channel.create({
      data: {
        workspaceId: h.workspace.workspace.id,
        kind: 'email',
        name: 'Old mailbox',
        address: 'old-imap@acme.test',
        settings: { smtp: smtp('93.184.215.14'), imap: { host: '127.0.0.1', port: 6379, secure: false, auth: { user: 'u', pass: 'p' } } },
      },
    });
    const ctx = createListenerContext(h.rt.deps, { kind: 'email', name: 'imap', settings: listenerSettings(h.rt.config), api: null, every: null, leases: null });
    const result = await pollImapChannel(ctx, { ...toChannelConfig(row), state: row.state }, { allowPrivate: h.rt.config.ALLOW_PRIVATE_HOSTS });
    expect(result).toMatchObject({ fetched: 0, error: 'could not connect to the mail server: 127.0.0.1 is not a public address (loopback, private and link-local hosts are refused on this instance)' });
    const state = (await h.testDb.db.channel.findUniqueOrThrow({ where: { id: row.id } })).state as any;
    expect(state.imap.lastError.message).toBe(result.error);
  });
});
