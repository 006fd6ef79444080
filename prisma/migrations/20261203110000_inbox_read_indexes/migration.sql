-- CreateIndex
CREATE INDEX "Conversation_workspaceId_lastMessageAt_id_idx" ON "Conversation"("workspaceId", "lastMessageAt", "id");

-- CreateIndex
CREATE INDEX "Conversation_workspaceId_createdAt_idx" ON "Conversation"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Conversation_workspaceId_resolvedAt_idx" ON "Conversation"("workspaceId", "resolvedAt");

-- CreateIndex
CREATE INDEX "Conversation_board_counts_idx" ON "Conversation"("workspaceId", "status", "assigneeId", "queueId", "priority", "queuedAt", "channelId", "offeredAgentId", "offerExpiresAt");

-- CreateIndex
CREATE INDEX "Message_workspaceId_createdAt_idx" ON "Message"("workspaceId", "createdAt");
