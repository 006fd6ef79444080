// The IMAP edge: polls the mailbox of every email channel that has one, stores new mail as
// InboundEvents (keyed by Message-ID) and only then flags it \Seen. One broken mailbox is recorded
// on its channel and never stops the others. Runs every IMAP_POLL_SECONDS, once per cluster.
import { checkHost, type HostPolicy } from '../host-policy.ts';
import type { ChannelConfig, InboundListener, ListenerContext } from '../types.ts';
import { drainMessages, markSeen, nextLastUid, planFetch, withImapMailbox } from './imap-mailbox.ts';
import { IMAP_STATE, readImapCursor, type ImapStatePatch } from './imap-state.ts';
import { extractMessageId } from './message-id.ts';
import { emailSettingsSchema, type ImapSettings } from './schema.ts';
import { restampProviderAuthResults } from './stamp-auth-results.ts';

/** Bounds one poll of one mailbox; a backlog drains over consecutive polls. */
export const maxMessagesPerPoll = 200;

export type PolledChannel = ChannelConfig & { state: unknown };

export interface ImapPollResult {
  channelId: string;
  /** Messages fetched and stored this poll (including ones already stored by an earlier poll). */
  fetched: number;
  error: string | null;
}

export async function pollImapChannels(ctx: ListenerContext, hosts: HostPolicy): Promise<ImapPollResult[]> {
  const results: ImapPollResult[] = [];
  for (const channel of (await ctx.channels()).filter(hasImapSettings)) {
    results.push(await pollImapChannel(ctx, channel, hosts));
  }
  return results;
}

/** `hosts`: whether the mailbox's host may be private; it is checked on every poll (DNS may have changed). */
export async function pollImapChannel(ctx: ListenerContext, channel: PolledChannel, hosts: HostPolicy): Promise<ImapPollResult> {
  const log = ctx.log.child({ edge: 'imap', channelId: channel.id });
  const now = () => ctx.now().toISOString();
  const saveImapState = (patch: ImapStatePatch) => ctx.saveState(channel.id, IMAP_STATE, { ...patch });
  try {
    const imap = emailSettingsSchema.parse(channel.settings).imap;
    if (!imap) throw new Error('the channel has no IMAP settings');
    const trusted = providerAuthservIds(imap);
    const target = await checkHost(imap.host, hosts);
    if (!target.ok) throw new Error(`${COULD_NOT_CONNECT}: ${target.reason}`);
    const store = async (fetched: Buffer) => {
      // The provider authenticated the sender; its verdict is carried over under our id (stamp-auth-results.ts).
      const raw = restampProviderAuthResults(fetched, trusted);
      const key = extractMessageId(raw);
      const result = await ctx.accept(channel, { key, raw });
      log.info({ ...result, externalId: key }, 'inbound mail stored');
    };
    const { fetched, error } = await withImapMailbox({ ...imap, address: target.address }, log, async (client, mailbox) => {
      const plan = await planFetch(client, mailbox, readImapCursor(channel.state), maxMessagesPerPoll);
      const drained = await drainMessages(client, plan.uids, store);
      await markSeen(client, drained.stored);
      const lastUid = nextLastUid(plan, drained.stored, drained.error !== null);
      const failure = drained.error === null ? null : { message: describeImapError(drained.error), at: now() };
      await saveImapState({ uidValidity: plan.uidValidity, lastUid, lastPollAt: now(), lastError: failure });
      return { fetched: drained.stored.length, error: failure?.message ?? null };
    });
    if (error) log.warn({ error, fetched }, 'imap poll stopped early');
    return { channelId: channel.id, fetched, error };
  } catch (err) {
    const message = describeImapError(err);
    log.warn({ err }, 'imap poll failed');
    await saveImapState({ lastError: { message, at: now() } }).catch((saveErr: unknown) =>
      log.error({ err: saveErr }, 'could not record the imap poll failure'),
    );
    return { channelId: channel.id, fetched: 0, error: message };
  }
}

/** The worker processes poll every email channel that has IMAP settings, once per cluster each interval. */
export const imapListener = (hosts: HostPolicy): InboundListener => ({
  name: 'imap',
  runsIn: 'workers',
  async start(ctx) {
    await ctx.every('poll', ctx.settings.imapPollSeconds * 1000, async () => {
      await pollImapChannels(ctx, hosts);
    });
    return { stop: async () => undefined };
  },
});

/** The configured authserv-ids, else the IMAP host and its parent domain. */
export function providerAuthservIds(imap: ImapSettings): string[] {
  if (imap.authservIds && imap.authservIds.length > 0) return imap.authservIds;
  const host = imap.host.toLowerCase();
  const labels = host.split('.');
  return labels.length > 2 && !/^[\d.]+$/.test(host) && !host.includes(':') ? [host, labels.slice(1).join('.')] : [host];
}

function hasImapSettings(channel: PolledChannel): boolean {
  const { settings } = channel;
  return typeof settings === 'object' && settings !== null && !Array.isArray(settings) && (settings as Record<string, unknown>)['imap'] != null;
}

/**
 * A one-line reason for admins: imapflow says "Command failed" and keeps the server's words in
 * `responseText`; Prisma puts a source excerpt before the reason on its last line.
 */
const COULD_NOT_CONNECT = 'could not connect to the mail server';
/** Socket errors (ECONNREFUSED ...) and imapflow's own before a session (NoConnection, GREETING_TIMEOUT, ClosedAfterConnectText ...). */
const CONNECTION_CODE = /^E[A-Z]+$|TIMEOUT|Connection|ClosedAfterConnect|TLS|Greeting|Protocol/i;

/**
 * What an admin is shown. A failure to reach an IMAP server says only that (with its code): the
 * text of whatever answered instead would tell them what listens at a host and port they chose.
 */
function describeImapError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const detail = err as Error & { responseText?: string; code?: string; authenticationFailed?: boolean };
  if (detail.authenticationFailed) return `IMAP authentication failed: ${detail.responseText ?? detail.message}`;
  if (!detail.responseText && detail.code && CONNECTION_CODE.test(detail.code)) return `${COULD_NOT_CONNECT} (${detail.code})`;
  const reason = detail.message.trim().split('\n').at(-1) ?? detail.message;
  const text = detail.responseText ? `${reason}: ${detail.responseText}` : reason;
  return detail.code && !text.includes(detail.code) ? `${text} (${detail.code})` : text;
}
