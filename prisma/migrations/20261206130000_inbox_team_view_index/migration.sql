-- The team view (an agent's default: a team's conversations, newest activity first) had no index
-- of its own: for a team with few conversations the list scanned the whole workspace (a parallel
-- seq scan of 100k conversations, ~40 ms, for an empty team). Same shape as the assignee's.
-- CreateIndex
CREATE INDEX "Conversation_workspaceId_teamId_lastMessageAt_idx" ON "Conversation"("workspaceId", "teamId", "lastMessageAt");
