-- Merging contacts by hand, undoing a merge within 30 days, and "not a duplicate" (issue 17).
CREATE TABLE "ContactMerge" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "survivorId" TEXT NOT NULL,
    "mergedId" TEXT NOT NULL,
    "actorAgentId" TEXT,
    "reason" TEXT NOT NULL,
    "choices" JSONB NOT NULL DEFAULT '{}',
    "snapshot" JSONB NOT NULL,
    "moved" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),
    "undoneByAgentId" TEXT,
    CONSTRAINT "ContactMerge_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ContactMerge_workspaceId_createdAt_idx" ON "ContactMerge"("workspaceId", "createdAt");
CREATE INDEX "ContactMerge_survivorId_createdAt_idx" ON "ContactMerge"("survivorId", "createdAt");
CREATE INDEX "ContactMerge_mergedId_createdAt_idx" ON "ContactMerge"("mergedId", "createdAt");
ALTER TABLE "ContactMerge" ADD CONSTRAINT "ContactMerge_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ContactMerge" ADD CONSTRAINT "ContactMerge_actorAgentId_fkey" FOREIGN KEY ("actorAgentId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ContactMerge" ADD CONSTRAINT "ContactMerge_undoneByAgentId_fkey" FOREIGN KEY ("undoneByAgentId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "ContactDuplicateDismissal" (
    "workspaceId" TEXT NOT NULL,
    "contactAId" TEXT NOT NULL,
    "contactBId" TEXT NOT NULL,
    "agentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContactDuplicateDismissal_pkey" PRIMARY KEY ("contactAId", "contactBId")
);
CREATE INDEX "ContactDuplicateDismissal_workspaceId_idx" ON "ContactDuplicateDismissal"("workspaceId");
CREATE INDEX "ContactDuplicateDismissal_contactBId_idx" ON "ContactDuplicateDismissal"("contactBId");
ALTER TABLE "ContactDuplicateDismissal" ADD CONSTRAINT "ContactDuplicateDismissal_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Duplicate suggestions match on these keys (src/domain/contacts/merges/duplicate-pairs-sql.ts,
-- written there exactly so): one contact's suggestions are index lookups, not a workspace scan.
CREATE INDEX "Contact_workspaceId_lower_email_idx" ON "Contact"("workspaceId", lower("email"));
CREATE INDEX "Contact_workspaceId_phone_digits_idx" ON "Contact"("workspaceId", NULLIF(regexp_replace(coalesce("phone", ''), '[^0-9]', '', 'g'), ''));
CREATE INDEX "Contact_workspaceId_lower_name_idx" ON "Contact"("workspaceId", NULLIF(lower(btrim("name")), ''));
