// An audit log entry as admins see it (GET /api/audit).
export interface AuditEntryView {
  id: string;
  action: string;
  actor: { id: string; name: string } | null;
  targetType: string;
  targetId: string;
  contact: { id: string; name: string | null } | null;
  data: unknown;
  createdAt: string;
}

export interface AuditPage {
  items: AuditEntryView[];
  next: string | null;
}

