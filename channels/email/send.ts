// Outbound email over SMTP with nodemailer. The Message-ID is decided before the first attempt
// (prepareEmailMessageId) so retries reuse it and the customer's reply threads back to us.
import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import { checkHost, type HostPolicy } from '../host-policy.ts';
import type { ChannelConfig, OutboundMessage, SendResult } from '../types.ts';
import { emailSettingsSchema, type SmtpSettings } from './schema.ts';

export function prepareEmailMessageId(msg: { messageId: string }, channel: ChannelConfig): string {
  const domain = channel.address.split('@')[1] ?? 'parley.invalid';
  return `<${msg.messageId}@${domain}>`;
}

// A message that came without a Message-ID is keyed "sha256:..." (message-id.ts): that key is ours,
// not an id the customer's mail client knows, so it never goes into In-Reply-To or References.
const isMessageId = (id: string) => /^<[^<>\s]+>$/.test(id);

/** Connects to `address` (the checked IP), with TLS checked against the host name the admin gave. */
function transportFor(smtp: SmtpSettings, address: string) {
  return nodemailer.createTransport({
    host: address,
    ...(isIP(smtp.host) ? {} : { servername: smtp.host }),
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTLS,
    ignoreTLS: smtp.ignoreTLS,
    auth: smtp.auth,
    tls: { rejectUnauthorized: smtp.tls.rejectUnauthorized },
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

export async function sendEmail(msg: OutboundMessage, channel: ChannelConfig, hosts: HostPolicy): Promise<SendResult> {
  const settings = emailSettingsSchema.safeParse(channel.settings);
  if (!settings.success) {
    return { ok: false, permanent: true, error: `email channel settings are invalid: ${settings.error.issues[0]?.message ?? 'unknown'}`, code: 'invalid_settings' };
  }
  const messageId = msg.externalId ?? prepareEmailMessageId(msg, channel);
  // Checked on every send, not only when saved: the name may resolve elsewhere by now.
  const target = await checkHost(settings.data.smtp.host, hosts);
  if (!target.ok) return { ok: false, permanent: true, error: `${COULD_NOT_CONNECT}: ${target.reason}`, code: 'host_refused' };
  const transport = transportFor(settings.data.smtp, target.address);
  try {
    await transport.sendMail({
      messageId,
      from: { name: settings.data.fromName ?? '', address: channel.address },
      to: { name: msg.to.name ?? '', address: msg.to.address },
      subject: msg.subject ?? '',
      text: msg.text,
      html: msg.html ?? undefined,
      inReplyTo: msg.inReplyTo && isMessageId(msg.inReplyTo) ? msg.inReplyTo : undefined,
      references: msg.references.some(isMessageId) ? msg.references.filter(isMessageId) : undefined,
      attachments: msg.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      headers: { 'X-Parley-Message-Id': msg.messageId },
    });
    return { ok: true, externalId: messageId, status: 'sent' };
  } catch (err) {
    return classifySmtpError(err);
  } finally {
    transport.close();
  }
}

interface SmtpErrorLike {
  message?: string;
  code?: string;
  responseCode?: number;
  response?: string;
}

const COULD_NOT_CONNECT = 'could not connect to the mail server';
/** Failures before the server spoke SMTP: what answered (if anything) is not shown, only logged. */
const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EPROTOCOL', 'ETLS', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * 5xx replies and rejected credentials or envelopes will not change on retry; the rest may. A
 * failure to reach an SMTP server says only that (with the code): the text of whatever answered
 * instead would tell an admin what listens at a host and port of their choosing.
 */
export function classifySmtpError(err: unknown): SendResult & { ok: false } {
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as SmtpErrorLike;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const permanentCodes = new Set(['EAUTH', 'EENVELOPE', 'EMESSAGE']);
  // The server's reply code decides when there is one (451 at end of DATA is still temporary).
  const permanent = responseCode !== null ? responseCode >= 500 : e.code !== undefined && permanentCodes.has(e.code);
  const code = responseCode !== null ? String(responseCode) : (e.code ?? null);
  if (e.code !== undefined && CONNECTION_CODES.has(e.code)) return { ok: false, permanent, error: `${COULD_NOT_CONNECT} (${e.code})`, code, detail: e.response ?? e.message };
  const detail = e.response ?? e.message ?? 'unknown SMTP error';
  return { ok: false, permanent, error: detail, code };
}
