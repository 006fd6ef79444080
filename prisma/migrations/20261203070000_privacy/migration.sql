-- Privacy (issue 13): erased contacts stay as anonymous placeholders, conversations record when
-- their content was removed, audit entries name the customer they concern, per-workspace
-- retention settings, and attachment files waiting to be deleted after an erasure or purge.
ALTER TABLE "Contact" ADD COLUMN "erasedAt" TIMESTAMP(3);
ALTER TABLE "Conversation" ADD COLUMN "contentErasedAt" TIMESTAMP(3);

ALTER TABLE "AuditEvent" ADD COLUMN "contactId" TEXT;
CREATE INDEX "AuditEvent_workspaceId_contactId_createdAt_idx" ON "AuditEvent"("workspaceId", "contactId", "createdAt");
CREATE INDEX "AuditEvent_workspaceId_actorAgentId_createdAt_idx" ON "AuditEvent"("workspaceId", "actorAgentId", "createdAt");
CREATE INDEX "AuditEvent_actorAgentId_action_targetId_createdAt_idx" ON "AuditEvent"("actorAgentId", "action", "targetId", "createdAt");

CREATE TABLE "RetentionSettings" (
    "workspaceId" TEXT NOT NULL,
    "rawPayloadDays" INTEGER NOT NULL DEFAULT 30,
    "rejectedWebhookDays" INTEGER NOT NULL DEFAULT 14,
    "expiredSessionDays" INTEGER NOT NULL DEFAULT 30,
    "visitorDays" INTEGER NOT NULL DEFAULT 180,
    "resolvedConversationDays" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "RetentionSettings_pkey" PRIMARY KEY ("workspaceId")
);
ALTER TABLE "RetentionSettings" ADD CONSTRAINT "RetentionSettings_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "PendingFileDeletion" (
    "storageKey" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PendingFileDeletion_pkey" PRIMARY KEY ("storageKey")
);
