-- Reports (issue 17): CSAT surveys (the shape branch h-csat builds), presence history, report
-- settings, and the index the repeat-contact figure reads.

-- CreateTable
CREATE TABLE "CsatSurvey" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "agentId" TEXT,
    "teamId" TEXT,
    "channelKind" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "score" INTEGER,
    "comment" TEXT,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CsatSurvey_pkey" PRIMARY KEY ("id")
);

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
CREATE UNIQUE INDEX "CsatSurvey_token_key" ON "CsatSurvey"("token");

-- CreateIndex
CREATE INDEX "CsatSurvey_workspaceId_sentAt_idx" ON "CsatSurvey"("workspaceId", "sentAt");

-- CreateIndex
CREATE INDEX "AgentPresenceChange_agentId_at_idx" ON "AgentPresenceChange"("agentId", "at");

-- CreateIndex
CREATE INDEX "AgentPresenceChange_workspaceId_at_idx" ON "AgentPresenceChange"("workspaceId", "at");

-- CreateIndex
CREATE INDEX "Conversation_contactId_createdAt_idx" ON "Conversation"("contactId", "createdAt");

-- AddForeignKey
ALTER TABLE "CsatSurvey" ADD CONSTRAINT "CsatSurvey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentPresenceChange" ADD CONSTRAINT "AgentPresenceChange_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentPresenceChange" ADD CONSTRAINT "AgentPresenceChange_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSettings" ADD CONSTRAINT "ReportSettings_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
