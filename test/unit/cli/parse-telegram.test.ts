// `parley parse telegram FILE`, run in-process: a Bot API Update JSON file in, the normalised
// form out; an update Parley does not handle is one line on stderr.
import { describe, expect, it } from 'vitest';
import { parley } from '../../support/parley-cli.ts';

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

  it('exits 1 with one line for an update that carries no message', async () => {
    const run = await parley('parse', 'telegram', 'test/fixtures/telegram/callback-query.json');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe('parley: cannot parse test/fixtures/telegram/callback-query.json as telegram: update 900013 carries no message (only message and edited_message are handled)');
  });
});
