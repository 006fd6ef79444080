-- CSAT surveys (issue 17): per-workspace survey settings and one row per survey of a resolution
-- (scheduled, sent, skipped or answered), the table reports aggregate (docs/csat.md).
CREATE TABLE "CsatSettings" (
    "workspaceId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "question" TEXT NOT NULL DEFAULT 'How would you rate the help you received?',
    "delayMinutes" INTEGER NOT NULL DEFAULT 60,
    "throttleDays" INTEGER NOT NULL DEFAULT 30,
    "responseWindowHours" INTEGER NOT NULL DEFAULT 72,
    "channelKinds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "CsatSettings_pkey" PRIMARY KEY ("workspaceId")
);
ALTER TABLE "CsatSettings" ADD CONSTRAINT "CsatSettings_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "CsatSurvey" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "channelKind" TEXT NOT NULL,
    "agentId" TEXT,
    "teamId" TEXT,
    "style" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "skipReason" TEXT,
    "tokenHash" TEXT,
    "resolvedAt" TIMESTAMP(3) NOT NULL,
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "messageId" TEXT,
    "score" INTEGER,
    "comment" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "CsatSurvey_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CsatSurvey_tokenHash_key" ON "CsatSurvey"("tokenHash");
CREATE INDEX "CsatSurvey_workspaceId_sentAt_idx" ON "CsatSurvey"("workspaceId", "sentAt");
CREATE INDEX "CsatSurvey_conversationId_createdAt_idx" ON "CsatSurvey"("conversationId", "createdAt");
CREATE INDEX "CsatSurvey_contactId_sentAt_idx" ON "CsatSurvey"("contactId", "sentAt");
CREATE INDEX "CsatSurvey_channelId_contactId_status_idx" ON "CsatSurvey"("channelId", "contactId", "status");
ALTER TABLE "CsatSurvey" ADD CONSTRAINT "CsatSurvey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CsatSurvey" ADD CONSTRAINT "CsatSurvey_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CsatSurvey" ADD CONSTRAINT "CsatSurvey_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CsatSurvey" ADD CONSTRAINT "CsatSurvey_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CsatSurvey" ADD CONSTRAINT "CsatSurvey_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;
