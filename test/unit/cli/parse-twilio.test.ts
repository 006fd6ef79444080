// `parley parse sms|whatsapp|voice FILE`, run in-process over saved webhook parameters: the same
// JSON fields as for email where they apply, one `parley: ...` line on bad input.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parley } from '../../support/parley-cli.ts';

describe('parley parse for Twilio channels', () => {
  it('prints an SMS with its media as attachments to fetch', async () => {
    const run = await parley('parse', 'sms', 'test/fixtures/twilio/mms-inbound-two-media.json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ channel: 'sms', externalId: 'MM2a3b4c5d6e7f80918273645546372819', kind: 'message', from: { address: '+14155550142', name: null }, text: '', sentAt: null });
    expect(json.attachments.map((a: any) => [a.filename, a.contentType, a.url.endsWith('ME0a1b2c3d4e5f60718293a4b5c6d7e8f9') || a.url.endsWith('ME9f8e7d6c5b4a39281706f5e4d3c2b1a0')])).toEqual([
      ['ME0a1b2c3d4e5f60718293a4b5c6d7e8f9.jpg', 'image/jpeg', true],
      ['ME9f8e7d6c5b4a39281706f5e4d3c2b1a0.pdf', 'application/pdf', true],
    ]);
  });

  it('prints a WhatsApp message from the number behind the whatsapp: prefix', async () => {
    const run = await parley('parse', 'whatsapp', 'test/fixtures/twilio/whatsapp-inbound.json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ channel: 'whatsapp', kind: 'message', from: { address: '+34612345678', name: 'Marta López' }, text: 'Hola 👋 ¿puedo cambiar la dirección de entrega?', attachments: [] });
  });

  it('prints a status callback as the delivery report it carries, and nothing a message has', async () => {
    const run = await parley('parse', 'sms', 'test/fixtures/twilio/status-sms-undelivered.json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['channel', 'externalId', 'kind', 'update']);
    expect(json).toMatchObject({ kind: 'status', update: { status: 'failed', at: null } });
  });

  it('prints a voicemail transcription as a call event with its recording', async () => {
    const run = await parley('parse', 'voice', 'test/fixtures/twilio/voice-transcription.json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      channel: 'voice',
      kind: 'call_event',
      from: { address: '+442079460018' },
      call: { step: 'transcription', transcription: 'Hello, this is Sam from Acme Ltd, please call me back about invoice 1042.' },
    });
    expect(json).not.toHaveProperty('text');
    expect(json.attachments[0]).toMatchObject({ contentType: 'audio/mpeg', filename: 'voicemail-RE1a2b3c4d5e6f708192a3b4c5d6e7f809.mp3' });
  });

  it('prints every genuine sender Parley refused before, with its identity, name, text and media', async () => {
    const cases: [kind: string, fixture: string, expected: Record<string, unknown>][] = [
      ['sms', 'sms-from-alphanumeric-sender.json', { kind: 'message', from: { address: 'Acme Bank', name: 'Acme Bank' }, to: ['+447700900123'] }],
      ['sms', 'sms-from-shortcode-name.json', { kind: 'message', from: { address: 'ACMEBANK', name: 'ACMEBANK' }, text: 'Your code is 1234' }],
      ['sms', 'sms-from-short-code.json', { kind: 'message', from: { address: '40404', name: null } }],
      ['sms', 'sms-to-short-code.json', { kind: 'message', from: { address: '+14155550142' }, to: ['72345'], text: 'JOIN' }],
      ['sms', 'sms-to-number-with-odd-characters.json', { kind: 'message', to: ['+14155550100'] }],
      ['sms', 'sms-to-number-outside-the-plan.json', { kind: 'message', to: ['+266696687123456'] }],
      ['sms', 'sms-messaging-service-extra-fields.json', { kind: 'message', from: { address: '+14155550142' } }],
      ['sms', 'mms-vcard-and-unknown-types.json', { kind: 'message', text: 'my contact card, a voice note and the form' }],
      ['sms', 'status-sms-receiving.json', { kind: 'ignored' }],
      ['sms', 'status-sms-failed-30007.json', { kind: 'status', update: { status: 'failed', error: 'failed: Message filtered (Twilio error 30007)' } }],
      ['sms', 'status-sms-delivery-unknown.json', { kind: 'status', update: { status: 'sent' } }],
      ['sms', 'status-sms-canceled-scheduled.json', { kind: 'status', update: { status: 'failed' } }],
      ['sms', 'status-mms-partially-delivered.json', { kind: 'status', update: { status: 'delivered' } }],
      ['sms', 'status-sms-sent-raw-dlr.json', { kind: 'status', update: { status: 'sent' } }],
      ['sms', 'status-sms-to-alphanumeric-undelivered.json', { kind: 'status', update: { status: 'failed' } }],
      ['whatsapp', 'whatsapp-channel-metadata.json', { kind: 'message', from: { address: '+34699123456', name: 'Tomás Ruiz' } }],
      ['whatsapp', 'whatsapp-quick-reply.json', { kind: 'message', text: 'Confirm' }],
      ['whatsapp', 'whatsapp-button-payload-only.json', { kind: 'message', text: 'talk_to_agent' }],
      ['whatsapp', 'whatsapp-location-without-label.json', { kind: 'message', text: 'Location: (37.787890, -122.391664)' }],
      ['whatsapp', 'whatsapp-ad-referral.json', { kind: 'message', conversationAttributes: { cameFrom: 'came from ad: Summer sale: 30% off' } }],
      ['whatsapp', 'whatsapp-ad-referral-with-media.json', { kind: 'message', text: 'came from ad: https://www.instagram.com/p/C0aBcDeFgHi/' }],
      ['whatsapp', 'whatsapp-voice-note.json', { kind: 'message', attachments: [{ contentType: 'audio/ogg' }] }],
      ['whatsapp', 'whatsapp-shared-contact.json', { kind: 'message', attachments: [{ contentType: 'text/vcard' }] }],
      ['whatsapp', 'whatsapp-sticker.json', { kind: 'message', attachments: [{ contentType: 'image/webp' }] }],
      ['whatsapp', 'whatsapp-document-unknown-type.json', { kind: 'message', attachments: [{ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }] }],
      ['whatsapp', 'whatsapp-forwarded.json', { kind: 'message', from: { address: '+34612345678', name: 'Marta López' } }],
      ['whatsapp', 'status-whatsapp-received.json', { kind: 'ignored' }],
      ['voice', 'voice-client-caller.json', { kind: 'call_event', from: { address: 'client:alice', name: 'alice' } }],
      ['voice', 'voice-client-to-client.json', { kind: 'call_event', from: { address: 'client:alice' }, to: ['client:support'] }],
      ['voice', 'voice-sip-caller.json', { kind: 'call_event', from: { address: 'sip:alice@example.sip.twilio.com' } }],
      ['voice', 'voice-anonymous-caller.json', { kind: 'call_event', from: { address: 'withheld:CA0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a', name: 'ACME LTD' } }],
      ['voice', 'voice-restricted-caller.json', { kind: 'call_event', from: { address: 'withheld:CAc89b33f8b3f6f452ef6f07d397b5dcdf', name: null } }],
      ['voice', 'voice-anonymous-keypad-number.json', { kind: 'call_event', from: { address: 'withheld:CAafb8e0e12a282c17c58d5cc9ec88eea9' } }],
      ['voice', 'voice-stir-shaken-extra-fields.json', { kind: 'call_event', from: { address: '+442079460018', name: 'JANE DOE' } }],
    ];
    for (const [kind, fixture, expected] of cases) {
      const run = await parley('parse', kind, `test/fixtures/twilio/${fixture}`);
      expect(run.stderr, fixture).toBe('');
      expect(run.code, fixture).toBe(0);
      expect(JSON.parse(run.stdout), fixture).toMatchObject({ channel: kind, ...expected });
    }
  }, 120_000);

  it('exits 1 with one line naming the problem for bad input', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parley-cli-'));
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{"From": "+1415');
    const cases: [string, string, RegExp][] = [
      ['whatsapp', 'test/fixtures/twilio/sms-inbound.json', /as whatsapp: From "\+14155550142" is not a whatsapp address/],
      ['voice', 'test/fixtures/twilio/sms-inbound.json', /as voice: missing CallSid/],
      ['sms', 'test/fixtures/email/plain-ascii.eml', /as sms: expected a JSON object of Twilio webhook parameters/],
      ['sms', broken, /as sms: not valid JSON/],
    ];
    for (const [kind, file, reason] of cases) {
      const run = await parley('parse', kind, file);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(reason);
    }
  });
});
