// The threading headers of an outbound email, through a real SMTP sink: Message-IDs of the thread
// go into In-Reply-To and References; the sha256 key Parley gives a customer message that had no
// Message-ID never does (no mail client knows it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendEmail } from '../../../../channels/email/send.ts';
import type { ChannelConfig, OutboundMessage } from '../../../../channels/types.ts';
import { startSmtpSink, type SmtpSink } from '../../../support/smtp-sink.ts';

const base: OutboundMessage = { messageId: 'm-thread', externalId: null, to: { address: 'kim@example.com', name: null }, subject: 'Re: Hi', text: 'Hello', html: null, inReplyTo: null, references: [], attachments: [] };

describe('sendEmail threading headers', () => {
  let sink: SmtpSink;
  let channel: ChannelConfig;
  beforeAll(async () => {
    sink = await startSmtpSink();
    channel = { id: 'c', workspaceId: 'w', kind: 'email', address: 'help@acme.test', settings: { smtp: { host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true } } };
  });
  afterAll(() => sink.close());

  it('keeps the Message-IDs of the thread', async () => {
    const sent = await sendEmail({ ...base, messageId: 'm-ids', inReplyTo: '<b@example.com>', references: ['<a@example.com>', '<b@example.com>'] }, channel, { allowPrivate: true });
    expect(sent.ok).toBe(true);
    const delivered = await sink.waitFor((m) => m.parsed.headers.get('x-parley-message-id') === 'm-ids');
    expect(delivered.parsed.inReplyTo).toBe('<b@example.com>');
    expect([delivered.parsed.references].flat()).toEqual(['<a@example.com>', '<b@example.com>']);
  });

  it('leaves out the sha256 key of a customer message that had no Message-ID', async () => {
    const key = `sha256:${'ab'.repeat(32)}`;
    const sent = await sendEmail({ ...base, messageId: 'm-sha', inReplyTo: key, references: ['<a@example.com>', key] }, channel, { allowPrivate: true });
    expect(sent.ok).toBe(true);
    const delivered = await sink.waitFor((m) => m.parsed.headers.get('x-parley-message-id') === 'm-sha');
    expect(delivered.parsed.inReplyTo).toBeUndefined();
    expect([delivered.parsed.references].flat()).toEqual(['<a@example.com>']);
    expect(delivered.raw.toString()).not.toContain('sha256');
  });
});
