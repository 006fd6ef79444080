-- Customer 360: lifecycle stages, typed attribute definitions, organisations, contact owner and
-- last contact, saved views of the contacts list, and the indexes the list filters on.

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN "organisationId" TEXT,
ADD COLUMN "ownerId" TEXT,
ADD COLUMN "lastContactAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "LifecycleStage" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LifecycleStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttributeDefinition" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "options" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "required" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AttributeDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "domains" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "notes" TEXT,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedContactView" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "filters" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedContactView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Contact_workspaceId_lastContactAt_id_idx" ON "Contact"("workspaceId", "lastContactAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Contact_workspaceId_lifecycleStage_idx" ON "Contact"("workspaceId", "lifecycleStage");

-- CreateIndex
CREATE INDEX "Contact_workspaceId_tier_idx" ON "Contact"("workspaceId", "tier");

-- CreateIndex
CREATE INDEX "Contact_workspaceId_ownerId_idx" ON "Contact"("workspaceId", "ownerId");

-- CreateIndex
CREATE INDEX "Contact_organisationId_idx" ON "Contact"("organisationId");

-- CreateIndex
CREATE INDEX "Contact_tags_idx" ON "Contact" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "Contact_attributes_idx" ON "Contact" USING GIN ("attributes" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "LifecycleStage_workspaceId_position_idx" ON "LifecycleStage"("workspaceId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "LifecycleStage_workspaceId_name_key" ON "LifecycleStage"("workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "AttributeDefinition_workspaceId_key_key" ON "AttributeDefinition"("workspaceId", "key");

-- CreateIndex
CREATE INDEX "Organisation_workspaceId_name_idx" ON "Organisation"("workspaceId", "name");

-- CreateIndex
CREATE INDEX "Organisation_domains_idx" ON "Organisation" USING GIN ("domains");

-- CreateIndex
CREATE INDEX "SavedContactView_workspaceId_agentId_idx" ON "SavedContactView"("workspaceId", "agentId");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LifecycleStage" ADD CONSTRAINT "LifecycleStage_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttributeDefinition" ADD CONSTRAINT "AttributeDefinition_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedContactView" ADD CONSTRAINT "SavedContactView_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedContactView" ADD CONSTRAINT "SavedContactView_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Contact.lastContactAt follows the newest activity of the contact's conversations, whichever code
-- path writes Conversation.lastMessageAt or moves a conversation to another contact (a merge).
CREATE FUNCTION "contact_last_contact_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Contact" c
  SET "lastContactAt" = COALESCE((SELECT max(v."lastMessageAt") FROM "Conversation" v WHERE v."contactId" = c."id"), c."createdAt")
  WHERE c."id" = NEW."contactId" OR (c."id" = OLD."contactId" AND OLD."contactId" <> NEW."contactId");
  RETURN NULL;
END
$$;

CREATE TRIGGER "Conversation_contact_last_contact" AFTER UPDATE OF "lastMessageAt", "contactId" ON "Conversation"
FOR EACH ROW EXECUTE FUNCTION "contact_last_contact_at"();

-- New conversations: once per statement for the contacts it touched, so a bulk insert (an import,
-- 100,000 rows) recomputes each contact once instead of once per row.
CREATE FUNCTION "contact_last_contact_at_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Contact" c
  SET "lastContactAt" = COALESCE((SELECT max(v."lastMessageAt") FROM "Conversation" v WHERE v."contactId" = c."id"), c."createdAt")
  WHERE c."id" IN (SELECT DISTINCT "contactId" FROM inserted);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Conversation_contact_last_contact_insert" AFTER INSERT ON "Conversation"
REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION "contact_last_contact_at_inserted"();

-- Existing contacts: the last contact is their newest conversation's activity (or when we met them).
UPDATE "Contact" c SET "lastContactAt" = COALESCE((SELECT max(v."lastMessageAt") FROM "Conversation" v WHERE v."contactId" = c."id"), c."createdAt");

-- Every existing workspace gets the default stages, then (after them) any other stage its contacts
-- already carry, so no contact holds a stage outside its workspace's list.
INSERT INTO "LifecycleStage" ("id", "workspaceId", "name", "position")
SELECT gen_random_uuid()::text, w."id", d.name, d.position
FROM "Workspace" w
CROSS JOIN (VALUES ('attraction', 0), ('interest', 1), ('evaluation', 2), ('purchase', 3), ('loyalty', 4)) AS d(name, position);

INSERT INTO "LifecycleStage" ("id", "workspaceId", "name", "position")
SELECT gen_random_uuid()::text, s."workspaceId", s."lifecycleStage", 4 + row_number() OVER (PARTITION BY s."workspaceId" ORDER BY s."lifecycleStage")
FROM (SELECT DISTINCT "workspaceId", "lifecycleStage" FROM "Contact" WHERE "lifecycleStage" IS NOT NULL) s
WHERE NOT EXISTS (SELECT 1 FROM "LifecycleStage" l WHERE l."workspaceId" = s."workspaceId" AND l."name" = s."lifecycleStage");

-- Attribute keys contacts already carry become definitions: number when every value is a number, otherwise text.
INSERT INTO "AttributeDefinition" ("id", "workspaceId", "key", "label", "type", "updatedAt")
SELECT gen_random_uuid()::text, c."workspaceId", a.key, a.key,
       CASE WHEN bool_and(jsonb_typeof(a.value) = 'number') THEN 'number' ELSE 'text' END, CURRENT_TIMESTAMP
FROM "Contact" c CROSS JOIN LATERAL jsonb_each(c."attributes") a
WHERE jsonb_typeof(c."attributes") = 'object' AND jsonb_typeof(a.value) <> 'null'
GROUP BY c."workspaceId", a.key;

-- A number or true/false kept under what is now a text attribute becomes its text, so it passes the check on the next write.
UPDATE "Contact" c SET "attributes" = (
  SELECT jsonb_object_agg(a.key, CASE WHEN d."type" = 'text' AND jsonb_typeof(a.value) IN ('number', 'boolean') THEN to_jsonb(a.value #>> '{}') ELSE a.value END)
  FROM jsonb_each(c."attributes") a
  LEFT JOIN "AttributeDefinition" d ON d."workspaceId" = c."workspaceId" AND d."key" = a.key
)
WHERE jsonb_typeof(c."attributes") = 'object' AND EXISTS (
  SELECT 1 FROM jsonb_each(c."attributes") a JOIN "AttributeDefinition" d ON d."workspaceId" = c."workspaceId" AND d."key" = a.key
  WHERE d."type" = 'text' AND jsonb_typeof(a.value) IN ('number', 'boolean')
);
