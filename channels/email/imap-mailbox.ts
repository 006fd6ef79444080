// Talking to one IMAP mailbox for the poller: open it, choose which UIDs are new, stream their raw
// bytes to a callback and flag what was kept as \Seen. Knows nothing about channels or the database.
import { isIP } from 'node:net';
import { ImapFlow, type MailboxObject } from 'imapflow';
import type { ListenerLog } from '../types.ts';
import type { ImapCursor } from './imap-state.ts';
import type { ImapSettings } from './schema.ts';

export interface FetchPlan {
  uidValidity: string;
  /** null on a first pass: take every UNSEEN message instead of UIDs above a cursor. */
  startAfter: number | null;
  /** Ascending, at most `limit` long. */
  uids: number[];
  truncated: boolean;
  /** UIDNEXT - 1 when the mailbox was opened: nothing below it is still to come. */
  lastExistingUid: number;
}

export interface DrainOutcome {
  stored: number[];
  error: unknown;
}

/** `address`: where to connect (the checked IP of settings.host); TLS is checked against settings.host. */
export async function withImapMailbox<T>(settings: ImapSettings & { address: string }, log: ListenerLog, fn: (client: ImapFlow, mailbox: MailboxObject) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: settings.address,
    ...(isIP(settings.host) ? {} : { servername: settings.host }),
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.auth.user, pass: settings.auth.pass },
    tls: { rejectUnauthorized: settings.tls.rejectUnauthorized },
    logger: false,
    // A poll is short-lived: no IDLE between commands, and a dead server must not hold the worker.
    disableAutoIdle: true,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
  });
  // Without a listener a socket error after connect() would crash the worker process.
  client.on('error', (err: unknown) => log.warn({ err }, 'imap connection error'));
  try {
    await client.connect();
    const lock = await client.getMailboxLock(settings.mailbox);
    try {
      if (!client.mailbox) throw new Error(`mailbox ${settings.mailbox} could not be opened`);
      return await fn(client, client.mailbox);
    } finally {
      lock.release();
    }
  } finally {
    await closeClient(client, log);
  }
}

async function closeClient(client: ImapFlow, log: ListenerLog): Promise<void> {
  try {
    if (client.usable) await client.logout();
  } catch (err) {
    log.debug({ err }, 'imap logout failed; closing the socket');
  } finally {
    client.close();
  }
}

export async function planFetch(client: ImapFlow, mailbox: MailboxObject, cursor: ImapCursor | null, limit: number): Promise<FetchPlan> {
  const uidValidity = mailbox.uidValidity.toString();
  // A new UIDVALIDITY means every UID was renumbered: start over (the Message-ID key dedupes).
  const startAfter = cursor === null ? null : cursor.uidValidity === uidValidity ? cursor.lastUid : 0;
  const query = startAfter === null ? { seen: false } : { uid: `${startAfter + 1}:*` };
  const found = mailbox.exists === 0 ? [] : await client.search(query, { uid: true });
  if (!Array.isArray(found)) throw new Error(`IMAP SEARCH failed in ${mailbox.path}`);
  // "n:*" always matches the highest UID, even when it is below n (RFC 3501 6.4.8).
  const fresh = found.filter((uid) => uid > (startAfter ?? 0)).sort((a, b) => a - b);
  // UIDNEXT is optional in a SELECT response (RFC 3501 6.3.1); without it we only trust fetched UIDs.
  const lastExistingUid = Number.isSafeInteger(mailbox.uidNext) ? mailbox.uidNext - 1 : 0;
  return { uidValidity, startAfter, uids: fresh.slice(0, limit), truncated: fresh.length > limit, lastExistingUid };
}

/** Streams each planned message to `store` in turn; stops at the first failure and reports it. */
export async function drainMessages(client: ImapFlow, uids: number[], store: (raw: Buffer) => Promise<void>): Promise<DrainOutcome> {
  const stored: number[] = [];
  if (uids.length === 0) return { stored, error: null };
  try {
    // BODY.PEEK[] keeps the message unseen until `store` has made it durable.
    for await (const msg of client.fetch(uids, { uid: true, source: true }, { uid: true })) {
      if (!msg.source) throw new Error(`IMAP server returned no source for UID ${msg.uid}`);
      await store(msg.source);
      stored.push(msg.uid);
    }
  } catch (err) {
    return { stored, error: err };
  }
  return { stored, error: null };
}

export async function markSeen(client: ImapFlow, uids: number[]): Promise<void> {
  if (uids.length === 0) return;
  const ok = await client.messageFlagsAdd(uids, ['\\Seen'], { uid: true });
  if (!ok) throw new Error('IMAP STORE +FLAGS (\\Seen) failed');
}

/**
 * Where the next poll should start, or null to stay on the UNSEEN backlog: a first pass that was
 * cut short resumes by searching UNSEEN again (what it kept is \Seen by now), since a UID cursor
 * would also sweep up mail that was read before Parley ever polled.
 */
export function nextLastUid(plan: FetchPlan, stored: number[], failed: boolean): number | null {
  if (plan.startAfter === null && (failed || plan.truncated)) return null;
  if (!failed) {
    const top = plan.uids.at(-1) ?? plan.startAfter ?? 0;
    return plan.truncated ? top : Math.max(top, plan.lastExistingUid, plan.startAfter ?? 0);
  }
  const kept = new Set(stored);
  let last = plan.startAfter ?? 0;
  for (const uid of plan.uids) {
    if (!kept.has(uid)) break;
    last = uid;
  }
  return last;
}
