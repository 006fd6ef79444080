-- Reports (issue 17): presence history, report settings, next-response waits (backfilled from
-- the messages) and the index the repeat-contact figure reads. CSAT surveys are read from the
-- CsatSurvey table of migration 20261204130000_csat.

-- CreateTable
CREATE TABLE "AgentPresenceChange" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "presence" "Presence" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgentPresenceChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSettings" (
    "workspaceId" TEXT NOT NULL,
    "thresholds" JSONB NOT NULL DEFAULT '{}',
    "complaintTags" TEXT[] DEFAULT ARRAY['complaint']::TEXT[],
    "complaintPolicyIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportSettings_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "AgentPresenceChange_agentId_at_idx" ON "AgentPresenceChange"("agentId", "at");

-- CreateIndex
CREATE INDEX "AgentPresenceChange_workspaceId_at_idx" ON "AgentPresenceChange"("workspaceId", "at");

-- CreateIndex
CREATE INDEX "Conversation_contactId_createdAt_idx" ON "Conversation"("contactId", "createdAt");

-- AddForeignKey
ALTER TABLE "AgentPresenceChange" ADD CONSTRAINT "AgentPresenceChange_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentPresenceChange" ADD CONSTRAINT "AgentPresenceChange_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSettings" ADD CONSTRAINT "ReportSettings_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "ResponseWait" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "agentId" TEXT,
    "waitedFrom" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResponseWait_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResponseWait_messageId_key" ON "ResponseWait"("messageId");

-- CreateIndex
CREATE INDEX "ResponseWait_workspaceId_answeredAt_waitedFrom_agentId_idx" ON "ResponseWait"("workspaceId", "answeredAt", "waitedFrom", "agentId");

-- CreateIndex
CREATE INDEX "ResponseWait_conversationId_idx" ON "ResponseWait"("conversationId");

-- AddForeignKey
ALTER TABLE "ResponseWait" ADD CONSTRAINT "ResponseWait_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponseWait" ADD CONSTRAINT "ResponseWait_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Backfill: the waits of replies sent before this migration (the rule of
-- src/domain/reports/backfill-response-waits.ts, over every workspace at once).
WITH msgs AS (
  SELECT m.id, m."workspaceId", m."conversationId", m."createdAt", m.direction, m."authorAgentId",
         (m.direction = 'out' AND m."authorAgentId" IS NOT NULL) AS reply
  FROM "Message" m WHERE m.kind = 'message'
), runs AS (
  SELECT *, coalesce(count(*) FILTER (WHERE reply) OVER (PARTITION BY "conversationId" ORDER BY "createdAt", id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS grp FROM msgs
), waits AS (
  SELECT "workspaceId", "conversationId", min("createdAt") FILTER (WHERE direction = 'in') AS "waitedFrom",
         (array_agg(id ORDER BY "createdAt" DESC, id DESC) FILTER (WHERE reply))[1] AS "messageId",
         max("createdAt") FILTER (WHERE reply) AS "answeredAt", max("authorAgentId") FILTER (WHERE reply) AS "agentId"
  FROM runs WHERE grp > 0 GROUP BY "workspaceId", "conversationId", grp
)
INSERT INTO "ResponseWait" (id, "workspaceId", "conversationId", "messageId", "agentId", "waitedFrom", "answeredAt")
SELECT gen_random_uuid()::text, "workspaceId", "conversationId", "messageId", "agentId", "waitedFrom", "answeredAt"
FROM waits WHERE "waitedFrom" IS NOT NULL AND "messageId" IS NOT NULL;

