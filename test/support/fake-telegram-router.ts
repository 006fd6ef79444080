// One Bot API root for several fake bots: the instance has one TELEGRAM_API_ROOT, so a test with
// more than one FakeTelegram puts this in front of them. It forwards each request, unchanged, to
// the fake whose token the path names (/bot<token>/<method>, /file/bot<token>/<path>).
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeTelegram } from './fake-telegram.ts';

export interface FakeTelegramRouter {
  /** The TELEGRAM_API_ROOT to configure. */
  url: string;
  /** Serves this fake's bot from now on (a bot added after Parley started). */
  add(fake: FakeTelegram): void;
  close(): Promise<void>;
}

export async function startFakeTelegramRouter(fakes: FakeTelegram[] = []): Promise<FakeTelegramRouter> {
  const byToken = new Map(fakes.map((f) => [f.token, f]));
  const server = createServer((req, res) => {
    const token = /^\/(?:file\/)?bot([^/]+)\//.exec(req.url ?? '')?.[1];
    const fake = token ? byToken.get(decodeURIComponent(token)) : undefined;
    if (!fake) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ ok: false, error_code: 401, description: 'Unauthorized' }));
    }
    const target = new URL(req.url!, fake.url);
    const upstream = request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    // A client that gives up (an aborted long poll) gives up upstream too.
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    add: (fake) => void byToken.set(fake.token, fake),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
