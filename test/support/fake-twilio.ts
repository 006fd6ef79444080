// A local stand-in for Twilio's REST API on 127.0.0.1, speaking its wire protocol: the Messages
// resource (form-encoded POST with basic auth, Twilio-shaped JSON answers and error bodies
// {code, message, more_info, status}; GET lists what it accepted, newest first, by To / From) and media / recording files behind basic auth. The real
// `twilio` SDK is pointed at it with the channel setting `apiBaseUrl`. Also signs webhooks the
// way Twilio does, with the SDK's own signing code.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

export interface RecordedRequest {
  method: string;
  path: string;
  /** Basic auth user and password, if sent. */
  auth: { user: string; pass: string } | null;
  form: Record<string, string>;
}

export interface TwilioErrorReply {
  status: number;
  code: number;
  message: string;
}

export interface FakeTwilio {
  url: string;
  accountSid: string;
  authToken: string;
  requests: RecordedRequest[];
  /** Messages.json requests (what the SDK sent), oldest first. */
  sent(): RecordedRequest['form'][];
  /** The next Messages.json POSTs fail like this, one reply each, in order. */
  failNextSend(...replies: TwilioErrorReply[]): void;
  /** Serves a file at `path` (behind basic auth) and returns its absolute URL. */
  serveFile(path: string, file: { content: Buffer; contentType: string }): string;
  close(): Promise<void>;
}

export const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

export async function startFakeTwilio(opts: { accountSid?: string; authToken?: string } = {}): Promise<FakeTwilio> {
  const accountSid = opts.accountSid ?? sid('AC');
  const authToken = opts.authToken ?? randomBytes(16).toString('hex');
  const requests: RecordedRequest[] = [];
  const failures: TwilioErrorReply[] = [];
  const files = new Map<string, { content: Buffer; contentType: string }>();
  const created: Record<string, unknown>[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 20500, message: String(err), more_info: 'https://www.twilio.com/docs/errors/20500', status: 500 }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const requestUrl = new URL(req.url ?? '/', 'http://x');
    const path = requestUrl.pathname;
    const auth = basicAuth(req.headers.authorization);
    const form = req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(body)) : {};
    requests.push({ method: req.method ?? 'GET', path, auth, form });
    if (!auth || auth.user !== accountSid || auth.pass !== authToken) {
      return json(res, 401, errorBody({ status: 401, code: 20003, message: 'Authenticate' }));
    }
    const file = files.get(path);
    if (req.method === 'GET' && file) {
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.content.length) });
      return res.end(file.content);
    }
    if (req.method === 'POST' && path === `/2010-04-01/Accounts/${accountSid}/Messages.json`) return createMessage(res, form);
    if (req.method === 'GET' && path === `/2010-04-01/Accounts/${accountSid}/Messages.json`) return listMessages(res, requestUrl.searchParams);
    return json(res, 404, errorBody({ status: 404, code: 20404, message: `The requested resource ${path} was not found` }));
  }

  function createMessage(res: ServerResponse, form: Record<string, string>) {
    const failure = failures.shift();
    if (failure) return json(res, failure.status, errorBody(failure));
    if (!form.To || !form.From || (!form.Body && !form.ContentSid)) {
      return json(res, 400, errorBody({ status: 400, code: 21602, message: 'Message body is required.' }));
    }
    const messageSid = sid('SM');
    const now = new Date().toUTCString().replace('GMT', '+0000');
    const message = {
      account_sid: accountSid,
      api_version: '2010-04-01',
      body: form.Body ?? '',
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: form.From,
      messaging_service_sid: null,
      num_media: '0',
      num_segments: '1',
      price: null,
      price_unit: 'USD',
      sid: messageSid,
      status: 'queued',
      subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${messageSid}/Media.json` },
      to: form.To,
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${messageSid}.json`,
    };
    created.unshift(message);
    return json(res, 201, message);
  }

  function listMessages(res: ServerResponse, query: URLSearchParams) {
    const pageSize = Number(query.get('PageSize') ?? 50);
    const to = query.get('To');
    const from = query.get('From');
    const messages = created.filter((m) => (!to || m.to === to) && (!from || m.from === from)).slice(0, pageSize);
    const uri = `/2010-04-01/Accounts/${accountSid}/Messages.json?PageSize=${pageSize}&Page=0`;
    return json(res, 200, { messages, page: 0, page_size: pageSize, start: 0, end: messages.length - 1, uri, first_page_uri: uri, next_page_uri: null, previous_page_uri: null });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    accountSid,
    authToken,
    requests,
    sent: () => requests.filter((r) => r.method === 'POST' && r.path.endsWith('/Messages.json')).map((r) => r.form),
    failNextSend: (...replies) => {
      failures.push(...replies);
    },
    serveFile(path, file) {
      files.set(path, file);
      return `${url}${path}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function basicAuth(header: string | undefined): RecordedRequest['auth'] {
  if (!header?.startsWith('Basic ')) return null;
  const [user, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
  return { user: user ?? '', pass: rest.join(':') };
}

function errorBody(e: TwilioErrorReply) {
  return { code: e.code, message: e.message, more_info: `https://www.twilio.com/docs/errors/${e.code}`, status: e.status };
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export interface WebhookReply {
  status: number;
  contentType: string | null;
  text: string;
}

/**
 * Posts webhook parameters to Parley as Twilio does: form-encoded, signed with the auth token over
 * the public URL (`publicUrl` + path) by the SDK's getExpectedTwilioSignature. `signature: null`
 * sends none; a string sends that one.
 */
export function twilioWebhookPoster(opts: { apiUrl: string; publicUrl: string; authToken: string }) {
  return async (path: string, params: Record<string, string>, o: { signature?: string | null } = {}): Promise<WebhookReply> => {
    const signature = o.signature === undefined ? twilio.getExpectedTwilioSignature(opts.authToken, `${opts.publicUrl}${path}`, params) : o.signature;
    const res = await fetch(`${opts.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature !== null ? { 'x-twilio-signature': signature } : {}) },
      body: new URLSearchParams(params).toString(),
    });
    return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
  };
}
