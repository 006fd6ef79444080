// A local stand-in for the Telegram Bot API, speaking its wire format: POST /bot<token>/<method>
// with JSON or multipart bodies, answers {ok:true,result} or {ok:false,error_code,description,
// parameters}, files served at /file/bot<token>/<path>. telegraf is pointed at it with the instance's TELEGRAM_API_ROOT.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  files: Record<string, FakeFile>;
  at: number;
  /** How the request ended, once it has: answered, or closed by the client first (an aborted long poll). */
  ended?: 'answered' | 'aborted';
}

export interface ApiFailure {
  error_code: number;
  description: string;
  retry_after?: number;
}

export interface FakeTelegram {
  /** The TELEGRAM_API_ROOT to configure (or a router's, for several bots: fake-telegram-router.ts). */
  url: string;
  token: string;
  bot: { id: number; username: string };
  calls: ApiCall[];
  /** The next `times` calls of `method` fail with this error. */
  failNext(method: string, failure: ApiFailure, times?: number): void;
  /** A file getFile knows about (with its bytes served under /file/...). */
  addFile(fileId: string, file: { path: string; content: Buffer; fileSize?: number }): void;
  /** Updates the next getUpdates calls return (long polling); a getUpdates held open answers at once. */
  pushUpdate(update: unknown): void;
  waitFor(method: string, match?: (call: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function paramsOf(req: IncomingMessage, body: Buffer): Promise<{ params: Record<string, unknown>; files: Record<string, FakeFile> }> {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) return { params: body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {}, files: {} };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': type }, body }).formData();
    const params: Record<string, unknown> = {};
    const files: Record<string, FakeFile> = {};
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') params[key] = value;
      else files[key] = { filename: value.name, contentType: value.type, content: Buffer.from(await value.arrayBuffer()) };
    }
    return { params, files };
  }
  return { params: Object.fromEntries(new URLSearchParams(body.toString('utf8'))), files: {} };
}

export async function startFakeTelegram(opts: { token?: string; botUsername?: string } = {}): Promise<FakeTelegram> {
  const token = opts.token ?? '6000000001:AAFakeTokenForTests_abcdefghijklmnop';
  const bot = { id: Number(token.split(':')[0]), username: opts.botUsername ?? 'acme_support_bot' };
  const calls: ApiCall[] = [];
  const failures = new Map<string, { failure: ApiFailure; left: number }>();
  const files = new Map<string, { path: string; content: Buffer; fileSize?: number }>();
  const updates: unknown[] = [];
  const waiters: (() => void)[] = [];
  const heldPolls = new Set<() => void>();
  let nextMessageId = 5000;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    if (res.destroyed) return; // the client gave up (an aborted long poll)
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const fail = (res: ServerResponse, f: ApiFailure) =>
    // Like Telegram: the HTTP status is the error code, the body says why.
    send(res, f.error_code, {
      ok: false,
      error_code: f.error_code,
      description: f.description,
      ...(f.retry_after !== undefined ? { parameters: { retry_after: f.retry_after } } : {}),
    });

  const sentMessage = (params: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    message_id: nextMessageId++,
    from: { id: bot.id, is_bot: true, first_name: 'Acme Support', username: bot.username },
    chat: { id: Number(params.chat_id), type: Number(params.chat_id) < 0 ? 'supergroup' : 'private' },
    date: Math.floor(Date.now() / 1000),
    ...extra,
  });

  const holdPoll = (ms: number, call: ApiCall, res: ServerResponse) =>
    new Promise<void>((resolve) => {
      if (call.ended) return resolve();
      const release = () => {
        clearTimeout(timer);
        heldPolls.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      heldPolls.add(release);
      res.once('close', release);
    });

  async function answer(method: string, call: ApiCall, res: ServerResponse) {
    const { params } = call;
    switch (method) {
      case 'getMe':
        return send(res, 200, { ok: true, result: { id: bot.id, is_bot: true, first_name: 'Acme Support', username: bot.username } });
      case 'setWebhook':
      case 'deleteWebhook':
      case 'sendChatAction':
        return send(res, 200, { ok: true, result: true });
      case 'sendMessage':
        return send(res, 200, { ok: true, result: sentMessage(params, { text: params.text }) });
      case 'sendPhoto':
      case 'sendDocument':
        return send(res, 200, { ok: true, result: sentMessage(params, params.caption ? { caption: params.caption } : {}) });
      case 'getFile': {
        const f = files.get(String(params.file_id));
        if (!f) return send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
        return send(res, 200, { ok: true, result: { file_id: params.file_id, file_unique_id: `u-${params.file_id}`, file_size: f.fileSize ?? f.content.length, file_path: f.path } });
      }
      case 'getUpdates': {
        const offset = Number(params.offset ?? 0);
        const fresh = () => updates.filter((u) => (u as { update_id: number }).update_id >= offset);
        // Like Telegram: with nothing new, the call is held for up to `timeout` seconds and answered
        // as soon as an update comes in (or given up when the client closes it).
        if (fresh().length === 0) await holdPoll(Number(params.timeout ?? 0) * 1000, call, res);
        const batch = fresh();
        updates.splice(0, updates.length, ...batch);
        return send(res, 200, { ok: true, result: batch });
      }
      default:
        return send(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    }
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const fileMatch = url.pathname.match(/^\/file\/bot([^/]+)\/(.+)$/);
      if (req.method === 'GET' && fileMatch) {
        const f = fileMatch[1] === token ? [...files.values()].find((x) => x.path === decodeURIComponent(fileMatch[2]!)) : undefined;
        if (!f) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(f.content.length) });
        return res.end(f.content);
      }
      const apiMatch = url.pathname.match(/^\/bot([^/]+)\/(\w+)$/);
      if (!apiMatch) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      if (apiMatch[1] !== token) return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const method = apiMatch[2]!;
      const body = await readBody(req);
      const call: ApiCall = { method, ...(await paramsOf(req, body)), at: Date.now() };
      res.once('close', () => (call.ended = res.writableFinished ? 'answered' : 'aborted'));
      calls.push(call);
      for (const w of waiters.splice(0)) w();
      const pending = failures.get(method);
      if (pending && pending.left > 0) {
        pending.left--;
        return fail(res, pending.failure);
      }
      await answer(method, call, res);
    })().catch((err: unknown) => send(res, 500, { ok: false, error_code: 500, description: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    bot,
    calls,
    failNext(method, failure, times = 1) {
      failures.set(method, { failure, left: times });
    },
    addFile(fileId, file) {
      files.set(fileId, file);
    },
    pushUpdate(update) {
      updates.push(update);
      for (const release of [...heldPolls]) release();
    },
    async waitFor(method, match = () => true, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = calls.find((c) => c.method === method && match(c));
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`timed out waiting for a ${method} call to the fake Telegram API (calls: ${calls.map((c) => c.method).join(', ') || 'none'})`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, 100);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
