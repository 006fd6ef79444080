// The socket.io side of origin-policy.ts, for the server's allowRequest. One engine serves both the
// agents' namespace and the chat widget's (/visitor), and the engine decides before it knows which
// namespace a client will join. The widget is embedded on customers' sites, so a page of another
// origin may connect; but it connects WITHOUT the ambient agent cookie, which is dropped from its
// handshake, so the agents' namespace (cookie or explicit token) refuses it as unauthenticated and
// the visitor namespace, which only knows visitor tokens, never sees it either.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { judgeOrigin } from '../http/origin-policy.ts';

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Whether the handshake came from an allowed page (or from no browser page at all). */
export function handshakeFromAllowedOrigin(req: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const host = header(req, 'host');
  const self = host ? `${(req.socket as TLSSocket).encrypted ? 'https' : 'http'}://${host}` : null;
  return judgeOrigin({ origin: header(req, 'origin'), fetchSite: header(req, 'sec-fetch-site'), self }, allowed).ok;
}

/** socket.io's allowRequest: every handshake goes on; one from a foreign page goes on without the cookie. */
export function admitHandshake(allowed: ReadonlySet<string>) {
  return (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void): void => {
    if (!handshakeFromAllowedOrigin(req, allowed)) delete req.headers.cookie;
    callback(null, true);
  };
}
