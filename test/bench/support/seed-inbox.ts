// Seeds an inbox fast with multi-row SQL (generate_series), not through the API: contacts,
// conversations numbered `from+1 .. to` (open, pending, resolved, all through the General queue; assigned to the agent, the
// supervisor or nobody; in the Support team or none; spread over time, the newest today) and
// `messagesPerConversation` messages each, alternating in and out, a common word ("order") in about
// a third of them. Called again with a higher range it grows the same workspace (1x, then 10x).
import pg from 'pg';

export interface InboxSeed {
  workspaceId: string;
  channelId: string;
  teamId: string;
  agentId: string;
  supervisorId: string;
  /** The queue every seeded conversation went through (the workspace's General queue). */
  queueId: string;
  /** Conversations numbered from+1 .. to are added. */
  from: number;
  to: number;
  messagesPerConversation: number;
  /** One contact per this many conversations. */
  conversationsPerContact: number;
}

export const COMMON_WORD = 'order';

export async function seedInbox(url: string, s: InboxSeed): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const contactsFrom = Math.floor(s.from / s.conversationsPerContact);
    const contactsTo = Math.ceil(s.to / s.conversationsPerContact);
    await client.query(
      `INSERT INTO "Contact" (id, "workspaceId", name, phone, "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, $1, 'Customer ' || g, '+1555' || lpad(g::text, 7, '0'), now(), now()
       FROM generate_series($2::int + 1, $3::int) g`,
      [s.workspaceId, contactsFrom, contactsTo],
    );
    await client.query(
      `CREATE TEMP TABLE seed_contacts AS
       SELECT id, (substr(phone, 6))::int AS k FROM "Contact" WHERE "workspaceId" = $1 AND phone LIKE '+1555%'`,
      [s.workspaceId],
    );
    await client.query('CREATE INDEX ON seed_contacts (k)');
    // Newest conversation = the highest number, `to` the newest of all: half a minute apart.
    await client.query(
      `INSERT INTO "Conversation" (id, "workspaceId", number, "channelId", "contactId", status, "statusKey", "assigneeId", "teamId",
                                   "messageCount", "lastMessageAt", "lastInboundAt", "createdAt", "updatedAt", "queuedAt", "resolvedAt", "statusChangedAt", "queueId", "firstResponseAt")
       SELECT gen_random_uuid()::text, $1, g, $2, sc.id, st.status::"ConversationStatus", st.status,
              CASE g % 4 WHEN 0 THEN $4 WHEN 1 THEN $5 ELSE NULL END,
              CASE WHEN g % 2 = 0 THEN $3 ELSE NULL END,
              $8::int, t.at + $8::int * interval '10 seconds', t.at, t.at, now(),
              CASE WHEN st.status = 'open' THEN t.at END, CASE WHEN st.status = 'resolved' THEN t.at + interval '1 hour' END, t.at, $10,
              -- The first agent reply is message 2 (below).
              CASE WHEN $8::int >= 2 THEN t.at + interval '20 seconds' END
       FROM generate_series($6::int + 1, $7::int) g
       JOIN seed_contacts sc ON sc.k = 1 + (g - 1) / $9::int
       CROSS JOIN LATERAL (SELECT CASE WHEN g % 10 < 4 THEN 'open' WHEN g % 10 = 4 THEN 'pending' ELSE 'resolved' END AS status) st
       CROSS JOIN LATERAL (SELECT now() - ($7::int - g) * interval '30 seconds' AS at) t`,
      [s.workspaceId, s.channelId, s.teamId, s.agentId, s.supervisorId, s.from, s.to, s.messagesPerConversation, s.conversationsPerContact, s.queueId],
    );
    await client.query(
      `INSERT INTO "Message" (id, "workspaceId", "conversationId", "channelId", direction, kind, "authorContactId", "authorAgentId",
                              text, "references", "deliveryStatus", "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, c."workspaceId", c.id, c."channelId",
              (CASE WHEN m % 2 = 1 THEN 'in' ELSE 'out' END)::"MessageDirection", 'message',
              CASE WHEN m % 2 = 1 THEN c."contactId" END, CASE WHEN m % 2 = 0 THEN $2 END,
              CASE WHEN m % 2 = 1 THEN 'Hello, about my ' ELSE 'Thanks for writing, your ' END
                || (ARRAY['${COMMON_WORD}', 'invoice', 'delivery', '${COMMON_WORD}', 'password', 'refund', '${COMMON_WORD}', 'account', 'shipping'])[1 + (c.number * 7 + m) % 9]
                || ' number ' || c.number || ' (message ' || m || '). Could you look into it today?',
              '{}', CASE WHEN m % 2 = 0 THEN 'delivered'::"DeliveryStatus" END, c."createdAt" + m * interval '10 seconds', now()
       FROM "Conversation" c CROSS JOIN generate_series(1, $5::int) m
       WHERE c."workspaceId" = $1 AND c.number > $3 AND c.number <= $4`,
      [s.workspaceId, s.agentId, s.from, s.to, s.messagesPerConversation],
    );
    await client.query('UPDATE "Workspace" SET "conversationSeq" = GREATEST("conversationSeq", $2) WHERE id = $1', [s.workspaceId, s.to]);
    // As autovacuum would have by the time a real inbox holds this much: statistics, and the
    // visibility map that lets counts be answered from an index alone.
    await client.query('VACUUM (ANALYZE) "Contact", "Conversation", "Message"');
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}
