// Every agent action that changes a conversation is written to the audit log.
import type { Db, Tx } from '../../db/client.ts';

export interface AuditEntry {
  workspaceId: string;
  actorAgentId: string | null;
  action: string;
  targetType: 'conversation' | 'message' | 'contact' | 'inbound_event' | 'agent' | 'canned_response' | 'sla_policy' | 'calendar' | 'routing_workflow' | 'queue' | 'status_definition' | 'channel' | 'team' | 'workspace';
  targetId: string;
  data?: Record<string, unknown>;
}

export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({ data: { ...entry, data: (entry.data ?? {}) as object } });
}
