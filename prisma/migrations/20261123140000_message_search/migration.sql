-- Search. Full text over messages (subject and text, notes included): a generated tsvector column
-- with a GIN index. The 'simple' configuration does not stem, so it treats every language alike;
-- the text is capped so a huge email can never exceed tsvector's 1 MB limit and fail its insert.
-- Prisma cannot express a generated column: schema.prisma declares it as Unsupported("tsvector")?
-- (never written by the client), and this SQL is its definition.

-- AlterTable
ALTER TABLE "Message" ADD COLUMN "searchVector" tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, left(coalesce("subject", '') || ' ' || "text", 100000))) STORED;

-- CreateIndex
CREATE INDEX "Message_searchVector_idx" ON "Message" USING GIN ("searchVector");

-- Finding customers by any part of their name, email, phone or channel address (ILIKE '%…%'):
-- trigram indexes. pg_trgm ships with PostgreSQL and is a trusted extension (a database owner may
-- create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Contact_name_trgm_idx" ON "Contact" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Contact_email_trgm_idx" ON "Contact" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Contact_phone_trgm_idx" ON "Contact" USING GIN ("phone" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ContactIdentity_address_trgm_idx" ON "ContactIdentity" USING GIN ("address" gin_trgm_ops);
