// Downloads a file a customer sent: getFile gives its path, then the bytes come from
// <TELEGRAM_API_ROOT>/file/bot<token>/<path> (https://core.telegram.org/bots/api#getfile). The URL holds
// the bot token, so it is never stored or put in an error message.
import { TelegramError } from 'telegraf';
import type { ChannelConfig, FetchedMedia } from '../types.ts';
import { fileIdOf } from './attachments.ts';
import { telegramClient } from './client.ts';
import { parseTelegramSettings } from './schema.ts';

const TIMEOUT_MS = 60_000;

const tooLarge = (size: string, limit: number): FetchedMedia => ({ ok: false, permanent: true, error: `the file is ${size} bytes, more than the ${limit} bytes allowed` });

export async function fetchTelegramFile(url: string, channel: ChannelConfig, opts: { maxBytes: number; apiRoot: string }): Promise<FetchedMedia> {
  const fileId = fileIdOf(url);
  if (!fileId) return { ok: false, permanent: true, error: `not a Telegram file reference: ${url}` };
  const parsed = parseTelegramSettings(channel.settings);
  if (!parsed.ok) return { ok: false, permanent: true, error: parsed.error };
  const limit = Math.min(opts.maxBytes, parsed.settings.maxFileBytes ?? Number.POSITIVE_INFINITY);
  const api = telegramClient(parsed.settings, opts.apiRoot);
  let link: URL;
  try {
    const file = await api.getFile(fileId);
    if (file.file_size !== undefined && file.file_size > limit) return tooLarge(String(file.file_size), limit);
    if (!file.file_path) return { ok: false, permanent: true, error: 'Telegram gave no path for the file (it may have expired)' };
    link = await api.getFileLink(file);
  } catch (err) {
    if (err instanceof TelegramError) {
      return { ok: false, permanent: err.code >= 400 && err.code < 500 && err.code !== 429, error: `getFile failed: ${err.description}` };
    }
    return { ok: false, permanent: false, error: `could not reach the Telegram Bot API: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (link.protocol !== 'https:' && link.protocol !== 'http:') return { ok: false, permanent: true, error: `cannot download ${link.protocol} files (a local Bot API server must serve files over HTTP)` };
  return download(link, limit);
}

async function download(link: URL, limit: number): Promise<FetchedMedia> {
  let res: Response;
  try {
    res = await fetch(link, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    return { ok: false, permanent: false, error: `file download failed: ${err instanceof Error ? err.name : 'network error'}` };
  }
  if (!res.ok) {
    await res.body?.cancel();
    return { ok: false, permanent: res.status < 500 && res.status !== 429, error: `the Bot API answered HTTP ${res.status} for the file` };
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await res.body?.cancel();
    return tooLarge(String(declared), limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body ?? []) {
      size += chunk.byteLength;
      if (size > limit) {
        await res.body?.cancel().catch(() => undefined);
        return tooLarge(`over ${limit}`, limit);
      }
      chunks.push(Buffer.from(chunk));
    }
  } catch (err) {
    return { ok: false, permanent: false, error: `file download broke off: ${err instanceof Error ? err.name : 'network error'}` };
  }
  const contentType = res.headers.get('content-type');
  // Telegram's file server says application/octet-stream for everything; the update's type is better.
  return { ok: true, content: Buffer.concat(chunks), contentType: contentType === 'application/octet-stream' ? null : contentType };
}
