// `parley parse telegram FILE`, run in-process: a Bot API Update JSON file in, the normalised
// form out; an update Parley does not handle is one line on stderr.
import { describe, expect, it } from 'vitest';
import { parley } from '../../support/parley-cli.ts';
import { expectedFixtures } from '../channels/telegram/fixture-expectations.ts';

describe('parley parse telegram', () => {
  it('prints the normalised update, with the file to fetch and an edit’s original', async () => {
    const photo = await parley('parse', 'telegram', 'test/fixtures/telegram/photo.json');
    expect(photo.code).toBe(0);
    expect(JSON.parse(photo.stdout)).toMatchObject({
      channel: 'telegram',
      externalId: '424242:102',
      from: { address: '424242', name: 'Olga Petrova' },
      text: 'The box was damaged',
      sentAt: '2025-11-23T12:13:20.000Z',
      attachments: [{ filename: 'photo-AQADlarge.jpg', contentType: 'image/jpeg', size: 48211, url: 'tg://file/AgACAgIAAxkBAAIBlarge', inline: false }],
    });
    const edited = await parley('parse', 'telegram', 'test/fixtures/telegram/edited.json');
    expect(JSON.parse(edited.stdout).edit).toEqual({ originalExternalId: '424242:101', editedAt: '2025-11-23T12:14:20.000Z' });
  });

  it('prints an update that carries no customer message as ignored, with the reason it is only recorded', async () => {
    const run = await parley('parse', 'telegram', 'test/fixtures/telegram/callback-query.json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ channel: 'telegram', externalId: 'update:900013', kind: 'ignored', reason: 'update 900013 (callback_query): a button press: Parley sends no inline keyboards' });
  });

  it('prints every genuine update as a message with its sender and readable text, or says in one line why it is none', async () => {
    for (const [name, expected] of Object.entries(expectedFixtures)) {
      const run = await parley('parse', 'telegram', `test/fixtures/telegram/${name}`);
      if ('notMessage' in expected) {
        // Understood and recorded, not a customer's message: printed as ignored with the reason.
        expect(run.code, `${name}: ${run.stderr}`).toBe(0);
        const out = JSON.parse(run.stdout);
        expect(out, name).toMatchObject({ channel: 'telegram', kind: 'ignored' });
        expect(out.reason, name).toMatch(expected.notMessage);
        continue;
      }
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      const out = JSON.parse(run.stdout);
      expect(out, name).toMatchObject({ kind: 'message', from: { address: expected.address, name: expected.name }, text: expected.text });
      expect(out.attachments.map((a: { filename: string }) => a.filename), name).toEqual(expected.files ?? []);
    }
  });
});
