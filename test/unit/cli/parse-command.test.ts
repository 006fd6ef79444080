// `parley parse`, run in-process through the command line's own entry function: JSON on success,
// one `parley: ...` line and the right exit code on failure, never a stack trace. The real child
// process is smoke-tested once in test/integration/cli/parse-command.test.ts.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { channelAdapters } from '../../../channels/registry.ts';
import { channelKinds } from '../../../channels/registry.ts';
import { parley, type CliRun } from '../../support/parley-cli.ts';

// A channel kind the registry has no adapter for (there must be none).
const kindWithoutAdapter = channelKinds.find((kind) => channelAdapters[kind] === undefined);

function expectOneLineFailure(run: CliRun, code: number, reason: RegExp): void {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^parley: /);
  expect(lines[0]).toMatch(reason);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

describe('parley parse', () => {
  it('prints the normalized email as one JSON object with an ISO sentAt', async () => {
    const run = await parley('parse', 'email', 'test/fixtures/email/gmail-reply.eml');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      channel: 'email',
      externalId: '<CAHx2reply@mail.gmail.com>',
      kind: 'message',
      from: { address: 'sam.lee@gmail.com', name: 'Sam Lee' },
      to: ['support@acme.test'],
      subject: 'Re: [#1042] CSV export broken',
      text: 'Thanks, that fixed it! The export works again.\n\nOne more thing: can I schedule it weekly?',
      sentAt: '2025-03-04T11:05:12.000Z',
      inReplyTo: '<1741018800.abc@acme.test>',
      references: ['<CAHx1original@mail.gmail.com>', '<1741018800.abc@acme.test>'],
      thread: { refs: ['<1741018800.abc@acme.test>', '<CAHx1original@mail.gmail.com>'], topic: 'csv export broken' },
      attachments: [],
    });
    expect(json.quotedText).toContain('Please clear the cache');
    expect(json.html).toContain('One more thing');
  });

  it('describes attachments without their bytes', async () => {
    const run = await parley('parse', 'email', 'test/fixtures/email/multipart-related-inline-image.eml');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).attachments).toEqual([
      { filename: 'logo.png', contentType: 'image/png', size: 70, contentId: 'logo@globex.example', inline: true },
    ]);
  });

  it('prints bounce details for a DSN', async () => {
    const run = await parley('parse', 'email', 'test/fixtures/email/bounce-dsn.eml');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      kind: 'bounce',
      bounce: { originalMessageId: '<msg_01HQ8Z@acme.test>', recipient: 'nobody@example.org', status: '5.1.1' },
    });
  });

  it('parses every email fixture except the one without any From', async () => {
    const dir = 'test/fixtures/email/';
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    expect(files.length).toBeGreaterThanOrEqual(49);
    const refused: string[] = [];
    for (const file of files) {
      const run = await parley('parse', 'email', `${dir}${file}`);
      if (run.code !== 0) refused.push(file);
      else expect(JSON.parse(run.stdout)).toMatchObject({ channel: 'email', from: { address: expect.stringContaining('@') } });
    }
    expect(refused).toEqual(['no-from.eml']);
  });

  it('prints where replies go and who sent on whose behalf', async () => {
    const replyTo = JSON.parse((await parley('parse', 'email', 'test/fixtures/email/rfc5322-reply-to.eml')).stdout);
    expect(replyTo).toMatchObject({ from: { address: 'mary@example.net' }, replyTo: { address: 'smith@home.example', name: 'Mary Smith: Personal Account' } });
    const sender = JSON.parse((await parley('parse', 'email', 'test/fixtures/email/rfc5322-sender-differs.eml')).stdout);
    expect(sender).toMatchObject({ from: { address: 'jdoe@machine.example' }, sentBy: { address: 'mjones@machine.example' } });
  });

  it('prints a meeting invitation as readable text with the .ics kept', async () => {
    const json = JSON.parse((await parley('parse', 'email', 'test/fixtures/email/calendar-only-tzid-folded.eml')).stdout);
    expect(json.text).toMatch(/^Meeting invitation: Just testing!\nWhen: 2014-01-07 10:00 \(America\/Toronto\)/);
    expect(json.attachments).toEqual([expect.objectContaining({ contentType: 'text/calendar' })]);
  });

  it('prints legacy 8-bit headers decoded by the body charset', async () => {
    const json = JSON.parse((await parley('parse', 'email', 'test/fixtures/email/legacy-8bit-headers-windows-1251.eml')).stdout);
    expect(json).toMatchObject({ subject: 'Не приходит код подтверждения', from: { name: 'Алексей Иванов' } });
  });

  it('exits 1 with the parse reason for a message without From', async () => {
    const run = await parley('parse', 'email', 'test/fixtures/email/no-from.eml');
    expectOneLineFailure(run, 1, /no-from\.eml.*no From header/);
  });

  it('exits 1 for a missing file', async () => {
    expectOneLineFailure(await parley('parse', 'email', 'test/fixtures/email/does-not-exist.eml'), 1, /cannot read .*no such file/);
  });

  it('exits 2 for an unknown channel kind', async () => {
    expectOneLineFailure(await parley('parse', 'pigeon', 'x.eml'), 2, /unknown channel kind 'pigeon'/);
  });

  it('knows an adapter for every channel kind it accepts', () => {
    expect(kindWithoutAdapter).toBeUndefined();
  });

  it('exits 2 for an unknown sub-command', async () => {
    expectOneLineFailure(await parley('frobnicate', 'email'), 2, /unknown command 'frobnicate'/);
  });

  it('exits 2 with usage when arguments are missing', async () => {
    expectOneLineFailure(await parley('parse', 'email'), 2, /usage: parley parse <kind> FILE/);
    expectOneLineFailure(await parley(), 2, /usage: parley parse <kind> FILE/);
  });
});
