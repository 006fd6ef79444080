// fetchTelegramFile: getFile, then the bytes from the Bot API's file URL, within the size limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileRef } from '../../../../channels/telegram/attachments.ts';
import { fetchTelegramFile } from '../../../../channels/telegram/fetch-file.ts';
import type { ChannelConfig } from '../../../../channels/types.ts';
import { startFakeTelegram, type FakeTelegram } from '../../../support/fake-telegram.ts';

let tg: FakeTelegram;
let channel: ChannelConfig;
beforeAll(async () => {
  tg = await startFakeTelegram();
  channel = { id: 'c1', workspaceId: 'w1', kind: 'telegram', address: tg.bot.username, settings: { botToken: tg.token } };
  tg.addFile('photo-1', { path: 'photos/file_1.jpg', content: Buffer.from('JPEGBYTES') });
  tg.addFile('huge-1', { path: 'documents/huge.bin', content: Buffer.from('x'), fileSize: 30 * 1024 * 1024 });
  tg.addFile('lying-1', { path: 'documents/lying.bin', content: Buffer.alloc(4096, 1), fileSize: 10 });
});
afterAll(async () => {
  await tg?.close();
});

describe('fetchTelegramFile', () => {
  it('downloads a file through getFile and the file URL', async () => {
    const result = await fetchTelegramFile(fileRef('photo-1'), channel, { maxBytes: 1024 * 1024, apiRoot: tg.url });
    expect(result).toEqual({ ok: true, content: Buffer.from('JPEGBYTES'), contentType: null });
    expect(tg.calls.find((c) => c.method === 'getFile')?.params).toEqual({ file_id: 'photo-1' });
  });

  it('refuses a file larger than the limit before downloading it', async () => {
    const result = await fetchTelegramFile(fileRef('huge-1'), channel, { maxBytes: 20 * 1024 * 1024, apiRoot: tg.url });
    expect(result).toMatchObject({ ok: false, permanent: true, error: expect.stringMatching(/more than the 20971520 bytes allowed/) });
  });

  it('stops reading when the bytes exceed the limit whatever getFile said', async () => {
    expect(await fetchTelegramFile(fileRef('lying-1'), channel, { maxBytes: 1000, apiRoot: tg.url })).toMatchObject({ ok: false, permanent: true });
  });

  it('applies the channel’s own smaller limit', async () => {
    const strict = { ...channel, settings: { ...(channel.settings as object), maxFileBytes: 4 } };
    expect(await fetchTelegramFile(fileRef('photo-1'), strict, { maxBytes: 1024, apiRoot: tg.url })).toMatchObject({ ok: false, permanent: true });
  });

  it('gives up on a file Telegram does not know, and never puts the token in the error', async () => {
    const result = await fetchTelegramFile(fileRef('gone'), channel, { maxBytes: 1024, apiRoot: tg.url });
    expect(result).toMatchObject({ ok: false, permanent: true, error: 'getFile failed: Bad Request: invalid file_id' });
    expect(JSON.stringify(result)).not.toContain(tg.token);
  });

  it('refuses a reference that is not a Telegram file', async () => {
    expect(await fetchTelegramFile('https://example.com/x.jpg', channel, { maxBytes: 1024, apiRoot: tg.url })).toMatchObject({ ok: false, permanent: true });
  });
});
