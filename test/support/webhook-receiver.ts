// A local HTTP server standing in for a customer's webhook endpoint: it records every request
// (headers, raw body, when) and answers from a script of status codes (then 200).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A scripted "status" that is never answered. */
export const HANG = 0;

export interface ReceivedWebhook {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface WebhookReceiver {
  url(path?: string): string;
  received: ReceivedWebhook[];
  /** What the next requests to this path (of this Parley-Event only, if given) are answered, in order; afterwards 200. */
  script(path: string, statuses: number[], event?: string): void;
  /** The requests to one path. */
  on(path: string): ReceivedWebhook[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const scripts = new Map<string, number[]>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const status = scripts.get(`${path}#${String(req.headers['parley-event'])}`)?.shift() ?? scripts.get(path)?.shift() ?? 200;
      if (status === HANG) return; // never answered: the sender's timeout ends it
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : `scripted ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    received,
    script: (path, statuses, event) => scripts.set(event ? `${path}#${event}` : path, [...statuses]),
    on: (path) => received.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
