-- Full-text search over messages (subject and text, notes included): a generated tsvector column
-- with a GIN index. The 'simple' configuration does not stem, so it treats every language alike;
-- the text is capped so a huge email can never exceed tsvector's 1 MB limit and fail its insert.
-- Prisma cannot express a generated column: schema.prisma declares it as Unsupported("tsvector")?
-- (never written by the client), and this SQL is its definition.

-- AlterTable
ALTER TABLE "Message" ADD COLUMN "searchVector" tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, left(coalesce("subject", '') || ' ' || "text", 100000))) STORED;

-- CreateIndex
CREATE INDEX "Message_searchVector_idx" ON "Message" USING GIN ("searchVector");
