// Merges a patch into one section of `Channel.state` in SQL, so sections written concurrently by
// other listeners (or other keys of the same section) are never lost.
import type { Db } from '../../db/client.ts';

export async function saveChannelState(db: Db, input: { channelId: string; section: string; patch: Record<string, unknown> }): Promise<void> {
  const json = JSON.stringify(input.patch);
  await db.$executeRaw`
    UPDATE "Channel"
    SET "state" = (CASE WHEN jsonb_typeof("state") = 'object' THEN "state" ELSE '{}'::jsonb END)
      || jsonb_build_object(${input.section}::text,
           (CASE WHEN jsonb_typeof("state"->${input.section}::text) = 'object' THEN "state"->${input.section}::text ELSE '{}'::jsonb END) || ${json}::jsonb)
    WHERE "id" = ${input.channelId}`;
}
