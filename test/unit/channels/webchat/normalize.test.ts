// normalizeWebchat over what the visitor gateway stores, and sendWebchat's answers: the visitor id
// is the address, the widget's message id the key, the email a claim and the topic a routing fact.
import { describe, expect, it } from 'vitest';
import { normalizeWebchat } from '../../../../channels/webchat/normalize.ts';
import { sendWebchat } from '../../../../channels/webchat/send.ts';
import type { VisitorEvents, VisitorTransport } from '../../../../channels/webchat/transport.ts';
import { ParseError, type ChannelConfig, type OutboundMessage } from '../../../../channels/types.ts';

const payload = { visitorId: '01938a7e-visitor', clientId: 'c1abc', text: 'Hello <b>there</b>', sentAt: '2026-01-05T10:00:00.000Z' };

describe('normalizeWebchat', () => {
  it('reads a visitor message with the visitor id as address and visitor:client id as externalId, text kept as text', () => {
    expect(normalizeWebchat(payload, 'acme-website')).toEqual({
      channel: 'webchat',
      externalId: '01938a7e-visitor:c1abc',
      kind: 'message',
      from: { address: '01938a7e-visitor', name: null },
      sender: { verified: true, reason: 'the visitor’s own chat session' },
      to: ['acme-website'],
      subject: null,
      text: 'Hello <b>there</b>',
      quotedText: null,
      html: null,
      sentAt: new Date('2026-01-05T10:00:00.000Z'),
      inReplyTo: null,
      references: [],
      thread: { refs: [], topic: null },
      attachments: [],
    });
  });

  it('turns the pre-chat form into a name, an email claim and a topic for routing', () => {
    const n = normalizeWebchat({ ...payload, name: 'Vera', email: 'Vera@Example.COM', topic: 'billing' }, 'acme-website');
    expect(n.from.name).toBe('Vera');
    // Typed into a form: a claim the domain never merges on until it is proven.
    expect(n.claims).toEqual({ email: 'vera@example.com', proof: { verified: false, reason: 'typed into the website chat' } });
    expect(n.conversationAttributes).toEqual({ topic: 'billing' });
  });

  it('marks a message left through the offline form', () => {
    expect(normalizeWebchat({ ...payload, offline: true }, 'acme-website').conversationAttributes).toEqual({ offline: 'true' });
  });

  it('reads the stored payload from bytes too (the parse command)', () => {
    expect(normalizeWebchat(Buffer.from(JSON.stringify(payload)), 'x')).toEqual(normalizeWebchat(payload, 'x'));
  });

  it('refuses a payload it cannot read, saying which field', () => {
    expect(() => normalizeWebchat({ ...payload, clientId: 'has spaces' }, 'x')).toThrow(ParseError);
    expect(() => normalizeWebchat({ ...payload, email: 'nope' }, 'x')).toThrow(/email/);
    expect(() => normalizeWebchat('{', 'x')).toThrow(/not JSON/);
  });
});

describe('sendWebchat', () => {
  const channel: ChannelConfig = { id: 'c', workspaceId: 'w', kind: 'webchat', address: 'acme-website', settings: {} };
  const msg: OutboundMessage = { messageId: 'm-1', externalId: null, to: { address: 'visitor-1', name: null }, subject: null, text: 'Hi!', html: null, inReplyTo: null, references: [], attachments: [], authorName: 'Ada' };
  const now = new Date('2026-01-05T10:00:00Z');

  it('emits the reply to the visitor’s room with the agent’s name', () => {
    const sent: [string, keyof VisitorEvents, unknown][] = [];
    const transport: VisitorTransport = { emit: (v, e, p) => (sent.push([v, e, p]), true) };
    expect(sendWebchat(transport, msg, channel, now)).toEqual({ ok: true, externalId: 'webchat:m-1', status: 'sent' });
    expect(sent).toEqual([['visitor-1', 'message', { id: 'm-1', clientId: null, direction: 'out', text: 'Hi!', author: { name: 'Ada' }, createdAt: now.toISOString() }]]);
  });

  it('retries later when the fan-out is away, and refuses files for good', () => {
    expect(sendWebchat({ emit: () => false }, msg, channel, now)).toMatchObject({ ok: false, permanent: false });
    expect(sendWebchat(null, msg, channel, now)).toMatchObject({ ok: false, permanent: false, code: 'no_transport' });
    const withFile = { ...msg, attachments: [{ filename: 'a.pdf', contentType: 'application/pdf', content: Buffer.from('x') }] };
    expect(sendWebchat({ emit: () => true }, withFile, channel, now)).toMatchObject({ ok: false, permanent: true, code: 'attachments_unsupported' });
  });
});
