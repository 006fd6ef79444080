// The IMAP poller's bookkeeping in `channel.state.imap`: where the last poll stopped and what went
// wrong, merged in SQL so that other keys of `state` written concurrently are never lost.
import type { Db } from '../../src/db/client.ts';

/** Where the next poll starts: UIDs above `lastUid`, valid only while the mailbox keeps `uidValidity`. */
export interface ImapCursor {
  uidValidity: string;
  lastUid: number;
}

export interface ImapStatePatch {
  uidValidity?: string;
  /** null while the first pass over the UNSEEN backlog is not complete. */
  lastUid?: number | null;
  lastPollAt?: string;
  lastError?: { message: string; at: string } | null;
}

export function readImapCursor(state: unknown): ImapCursor | null {
  const imap = isRecord(state) ? state['imap'] : undefined;
  if (!isRecord(imap)) return null;
  const { uidValidity, lastUid } = imap;
  if (typeof uidValidity !== 'string' || typeof lastUid !== 'number') return null;
  return { uidValidity, lastUid };
}

export async function saveImapState(db: Db, channelId: string, patch: ImapStatePatch): Promise<void> {
  const json = JSON.stringify(patch);
  await db.$executeRaw`
    UPDATE "Channel"
    SET "state" = (CASE WHEN jsonb_typeof("state") = 'object' THEN "state" ELSE '{}'::jsonb END)
      || jsonb_build_object('imap',
           (CASE WHEN jsonb_typeof("state"->'imap') = 'object' THEN "state"->'imap' ELSE '{}'::jsonb END) || ${json}::jsonb)
    WHERE "id" = ${channelId}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
