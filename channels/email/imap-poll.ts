// The IMAP edge: polls the mailbox of every email channel that has one, stores new mail as
// InboundEvents (keyed by Message-ID) and only then flags it \Seen. One broken mailbox is recorded
// on its channel and never stops the others.
import type { Channel } from '../../src/db/client.ts';
import type { Deps } from '../../src/deps.ts';
import { acceptInboundEvent } from '../../src/domain/inbound/accept-inbound-event.ts';
import { drainMessages, markSeen, nextLastUid, planFetch, withImapMailbox } from './imap-mailbox.ts';
import { readImapCursor, saveImapState } from './imap-state.ts';
import { extractMessageId } from './message-id.ts';
import { emailSettingsSchema } from './schema.ts';

/** Bounds one poll of one mailbox; a backlog drains over consecutive polls. */
export const maxMessagesPerPoll = 200;

export type ImapPollDeps = Pick<Deps, 'db' | 'queues' | 'log'> & Partial<Pick<Deps, 'clock'>>;
export type PolledChannel = Pick<Channel, 'id' | 'workspaceId' | 'settings' | 'state'>;

export interface ImapPollResult {
  channelId: string;
  /** Messages fetched and stored this poll (including ones already stored by an earlier poll). */
  fetched: number;
  error: string | null;
}

export async function pollImapChannels(deps: ImapPollDeps): Promise<ImapPollResult[]> {
  const channels = await deps.db.channel.findMany({
    where: { kind: 'email', active: true },
    select: { id: true, workspaceId: true, settings: true, state: true },
    orderBy: { createdAt: 'asc' },
  });
  const results: ImapPollResult[] = [];
  for (const channel of channels.filter(hasImapSettings)) {
    results.push(await pollImapChannel(deps, channel));
  }
  return results;
}

export async function pollImapChannel(deps: ImapPollDeps, channel: PolledChannel): Promise<ImapPollResult> {
  const log = deps.log.child({ edge: 'imap', channelId: channel.id });
  const now = () => (deps.clock?.now() ?? new Date()).toISOString();
  try {
    const imap = emailSettingsSchema.parse(channel.settings).imap;
    if (!imap) throw new Error('the channel has no IMAP settings');
    const store = async (raw: Buffer) => {
      const externalId = extractMessageId(raw);
      const result = await acceptInboundEvent(deps, { workspaceId: channel.workspaceId, channelId: channel.id, externalId, raw });
      log.info({ ...result, externalId }, 'inbound mail stored');
    };
    const { fetched, error } = await withImapMailbox(imap, log, async (client, mailbox) => {
      const plan = await planFetch(client, mailbox, readImapCursor(channel.state), maxMessagesPerPoll);
      const drained = await drainMessages(client, plan.uids, store);
      await markSeen(client, drained.stored);
      const lastUid = nextLastUid(plan, drained.stored, drained.error !== null);
      const failure = drained.error === null ? null : { message: describeImapError(drained.error), at: now() };
      await saveImapState(deps.db, channel.id, { uidValidity: plan.uidValidity, lastUid, lastPollAt: now(), lastError: failure });
      return { fetched: drained.stored.length, error: failure?.message ?? null };
    });
    if (error) log.warn({ error, fetched }, 'imap poll stopped early');
    return { channelId: channel.id, fetched, error };
  } catch (err) {
    const message = describeImapError(err);
    log.warn({ err }, 'imap poll failed');
    await saveImapState(deps.db, channel.id, { lastError: { message, at: now() } }).catch((saveErr: unknown) =>
      log.error({ err: saveErr }, 'could not record the imap poll failure'),
    );
    return { channelId: channel.id, fetched: 0, error: message };
  }
}

function hasImapSettings(channel: PolledChannel): boolean {
  const { settings } = channel;
  return typeof settings === 'object' && settings !== null && !Array.isArray(settings) && settings['imap'] != null;
}

/**
 * A one-line reason for admins: imapflow says "Command failed" and keeps the server's words in
 * `responseText`; Prisma puts a source excerpt before the reason on its last line.
 */
function describeImapError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const detail = err as Error & { responseText?: string; code?: string; authenticationFailed?: boolean };
  if (detail.authenticationFailed) return `IMAP authentication failed: ${detail.responseText ?? detail.message}`;
  const reason = detail.message.trim().split('\n').at(-1) ?? detail.message;
  const text = detail.responseText ? `${reason}: ${detail.responseText}` : reason;
  return detail.code && !text.includes(detail.code) ? `${text} (${detail.code})` : text;
}
