-- Per-agent load counter for routing (issue 16): how many open conversations each agent is
-- assigned, per channel (routing weighs them by the channel's kind and the workspace's weights,
-- which can change, so counts are kept, not units). A trigger on "Conversation" keeps it, so no
-- writer (routing, manual assignment, status changes, merges, releases, imports) can forget it;
-- the router reads ~one row per agent per batch instead of counting every open assigned
-- conversation of the workspace. Live offers are not in it (they end by time): the router counts
-- them apart through "Conversation_live_offers_idx".
CREATE TABLE "AgentLoad" (
    "agentId"   TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "assigned"  INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AgentLoad_pkey" PRIMARY KEY ("agentId", "channelId")
);

ALTER TABLE "AgentLoad" ADD CONSTRAINT "AgentLoad_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AgentLoad" ADD CONSTRAINT "AgentLoad_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Offers that can still count (an expired one stops counting at its instant, without a write):
-- few rows, so the router's per-batch offer count reads only these.
CREATE INDEX "Conversation_live_offers_idx" ON "Conversation" ("workspaceId", "offeredAgentId", "offerExpiresAt", "channelId")
WHERE status = 'open' AND "assigneeId" IS NULL AND "offeredAgentId" IS NOT NULL;

-- One row's share of the load: +1 for the agent it is assigned to while open. Two keys (a
-- transfer) are updated in key order, so two opposite transfers never deadlock on the counters.
CREATE FUNCTION "agent_load_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_agent TEXT := NULL;
  new_agent TEXT := NULL;
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.status = 'open' AND OLD."assigneeId" IS NOT NULL THEN old_agent := OLD."assigneeId"; END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'open' AND NEW."assigneeId" IS NOT NULL THEN new_agent := NEW."assigneeId"; END IF;
  IF old_agent IS NOT NULL AND new_agent IS NOT NULL AND old_agent = new_agent AND OLD."channelId" = NEW."channelId" THEN RETURN NULL; END IF;
  IF old_agent IS NOT NULL AND (new_agent IS NULL OR (old_agent, OLD."channelId") < (new_agent, NEW."channelId")) THEN
    UPDATE "AgentLoad" SET "assigned" = "assigned" - 1 WHERE "agentId" = old_agent AND "channelId" = OLD."channelId";
    old_agent := NULL;
  END IF;
  IF new_agent IS NOT NULL THEN
    INSERT INTO "AgentLoad" ("agentId", "channelId", "assigned") VALUES (new_agent, NEW."channelId", 1)
    ON CONFLICT ("agentId", "channelId") DO UPDATE SET "assigned" = "AgentLoad"."assigned" + 1;
  END IF;
  IF old_agent IS NOT NULL THEN
    UPDATE "AgentLoad" SET "assigned" = "assigned" - 1 WHERE "agentId" = old_agent AND "channelId" = OLD."channelId";
  END IF;
  RETURN NULL;
END
$$;

-- The WHEN clauses are checked before any function call: the many updates that change neither
-- the assignee, the status nor the channel (every inbound message) cost nothing here.
CREATE TRIGGER "Conversation_agent_load_insert" AFTER INSERT ON "Conversation"
FOR EACH ROW WHEN (NEW.status = 'open' AND NEW."assigneeId" IS NOT NULL) EXECUTE FUNCTION "agent_load_apply"();

CREATE TRIGGER "Conversation_agent_load_update" AFTER UPDATE OF "assigneeId", status, "channelId" ON "Conversation"
FOR EACH ROW WHEN (OLD."assigneeId" IS DISTINCT FROM NEW."assigneeId" OR OLD.status IS DISTINCT FROM NEW.status OR OLD."channelId" IS DISTINCT FROM NEW."channelId")
EXECUTE FUNCTION "agent_load_apply"();

CREATE TRIGGER "Conversation_agent_load_delete" AFTER DELETE ON "Conversation"
FOR EACH ROW WHEN (OLD.status = 'open' AND OLD."assigneeId" IS NOT NULL) EXECUTE FUNCTION "agent_load_apply"();

-- Existing conversations: the counters start from a count of what is open and assigned now.
INSERT INTO "AgentLoad" ("agentId", "channelId", "assigned")
SELECT "assigneeId", "channelId", count(*)::int FROM "Conversation"
WHERE status = 'open' AND "assigneeId" IS NOT NULL
GROUP BY 1, 2;
