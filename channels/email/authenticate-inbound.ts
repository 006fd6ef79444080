// The SMTP edge's own check of who sent a message: SPF for the connecting address and envelope
// sender, DKIM signatures, and DMARC for the From domain, by mailauth (Postal Systems). DNS goes
// through `resolver` (node's own when not given), so tests answer from a fake zone. What it found
// is stamped on top of the stored message under our authserv-id; a DNS failure is a claim, not a
// lost message.
import { authenticate, type DNSResolver } from 'mailauth';
import { PARLEY_AUTHSERV_ID } from './auth-results.ts';
import { stampAuthResults } from './stamp-auth-results.ts';

export type { DNSResolver };

export interface SmtpPeer {
  /** The connecting client's IP address. */
  ip: string;
  /** What it said in EHLO/HELO. */
  helo: string | undefined;
  /** MAIL FROM (empty for bounces). */
  mailFrom: string | undefined;
}

export async function authenticateInbound(raw: Buffer, peer: SmtpPeer, resolver?: DNSResolver): Promise<Buffer> {
  try {
    const result = await authenticate(raw, {
      ip: peer.ip.replace(/^::ffff:/, ''),
      helo: peer.helo,
      sender: peer.mailFrom || undefined,
      mta: PARLEY_AUTHSERV_ID,
      resolver,
      disableArc: true,
      disableBimi: true,
    });
    return stampAuthResults(raw, result.headers);
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).replace(/[()\r\n]/g, ' ').slice(0, 200);
    return stampAuthResults(raw, `Authentication-Results: ${PARLEY_AUTHSERV_ID}; none (could not authenticate: ${why})\r\n`);
  }
}
