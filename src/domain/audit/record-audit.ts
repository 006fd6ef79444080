// Every agent action that changes a conversation is written to the audit log.
import type { Db, Tx } from '../../db/client.ts';

export interface AuditEntry {
  workspaceId: string;
  actorAgentId: string | null;
  action: string;
  targetType: 'conversation' | 'message' | 'contact' | 'inbound_event' | 'agent' | 'canned_response' | 'sla_policy' | 'calendar' | 'routing_workflow' | 'queue' | 'status_definition' | 'channel' | 'team' | 'workspace' | 'task' | 'macro' | 'knowledge_article' | 'knowledge_category' | 'webhook_endpoint' | 'lifecycle_stage' | 'attribute_definition' | 'organisation';
  targetId: string;
  /** The customer the entry concerns (the contact itself, or a conversation's contact): admins filter the log by it. */
  contactId?: string | null;
  data?: Record<string, unknown>;
  /** When it happened, if not now (an injected clock). */
  createdAt?: Date;
}

export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({ data: { ...entry, data: (entry.data ?? {}) as object } });
}
