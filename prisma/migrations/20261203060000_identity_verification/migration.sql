-- Claimed identities stay unverified until proven (issue 13 finding 8).
ALTER TABLE "ContactIdentity" ADD COLUMN "verifiedAt" TIMESTAMP(3);
ALTER TABLE "ContactIdentity" ADD COLUMN "verification" TEXT;
-- Identities recorded before Parley checked senders keep the trust they had: a forged email naming
-- one of these customers now goes to a claimant of its own instead of joining them.
UPDATE "ContactIdentity" SET "verifiedAt" = "createdAt", "verification" = 'recorded before sender verification';

CREATE TABLE "IdentityClaim" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "channelKind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "tokenHash" TEXT,
    "tokenExpiresAt" TIMESTAMP(3),
    "linkSentAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "verifiedVia" TEXT,
    "verifiedByAgentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "IdentityClaim_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "IdentityClaim_status_check" CHECK ("status" IN ('pending', 'verified')),
    CONSTRAINT "IdentityClaim_field_check" CHECK ("field" IN ('email', 'phone', 'address'))
);
CREATE UNIQUE INDEX "IdentityClaim_tokenHash_key" ON "IdentityClaim"("tokenHash");
CREATE UNIQUE INDEX "IdentityClaim_contactId_field_value_key" ON "IdentityClaim"("contactId", "field", "value");
CREATE INDEX "IdentityClaim_workspaceId_field_value_idx" ON "IdentityClaim"("workspaceId", "field", "value");
ALTER TABLE "IdentityClaim" ADD CONSTRAINT "IdentityClaim_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "IdentityClaim" ADD CONSTRAINT "IdentityClaim_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
