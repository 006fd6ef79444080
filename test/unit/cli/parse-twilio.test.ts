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
