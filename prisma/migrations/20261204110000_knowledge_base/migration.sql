-- Knowledge base: categories and articles per workspace, with an approval step (docs/knowledge-base.md).
-- Search: a generated tsvector, the title weighted A and the body B, in the text-search configuration
-- of the article's language (Russian and English stem; languages without one use 'simple'), plus the
-- CJK bigrams the app writes into "titleTerms"/"bodyTerms" (Postgres' parser does not segment Chinese),
-- with a GIN index. Prisma cannot express a generated column: schema.prisma declares it as
-- Unsupported("tsvector")? and this SQL is its definition. The body is capped so a huge article can
-- never exceed tsvector's 1 MB limit.

-- CreateEnum
CREATE TYPE "ArticleState" AS ENUM ('draft', 'in_review', 'published', 'archived');

-- CreateTable
CREATE TABLE "KnowledgeCategory" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnowledgeCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeArticle" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "categoryId" TEXT,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "state" "ArticleState" NOT NULL DEFAULT 'draft',
    "authorId" TEXT NOT NULL,
    "reviewerId" TEXT,
    "reviewComment" TEXT,
    "submittedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "titleTerms" TEXT NOT NULL DEFAULT '',
    "bodyTerms" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnowledgeArticle_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "KnowledgeArticle" ADD COLUMN "searchVector" tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector(CASE "language"
            WHEN 'en' THEN 'english'::regconfig
            WHEN 'ru' THEN 'russian'::regconfig
            WHEN 'de' THEN 'german'::regconfig
            WHEN 'fr' THEN 'french'::regconfig
            WHEN 'es' THEN 'spanish'::regconfig
            WHEN 'pt' THEN 'portuguese'::regconfig
            WHEN 'it' THEN 'italian'::regconfig
            ELSE 'simple'::regconfig END, "title"), 'A')
        || setweight(to_tsvector('simple'::regconfig, "titleTerms"), 'A')
        || setweight(to_tsvector(CASE "language"
            WHEN 'en' THEN 'english'::regconfig
            WHEN 'ru' THEN 'russian'::regconfig
            WHEN 'de' THEN 'german'::regconfig
            WHEN 'fr' THEN 'french'::regconfig
            WHEN 'es' THEN 'spanish'::regconfig
            WHEN 'pt' THEN 'portuguese'::regconfig
            WHEN 'it' THEN 'italian'::regconfig
            ELSE 'simple'::regconfig END, left("body", 100000)), 'B')
        || setweight(to_tsvector('simple'::regconfig, left("bodyTerms", 200000)), 'B')
    ) STORED;

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeCategory_workspaceId_slug_key" ON "KnowledgeCategory"("workspaceId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeArticle_workspaceId_slug_key" ON "KnowledgeArticle"("workspaceId", "slug");

-- CreateIndex
CREATE INDEX "KnowledgeArticle_workspaceId_state_updatedAt_idx" ON "KnowledgeArticle"("workspaceId", "state", "updatedAt");

-- CreateIndex
CREATE INDEX "KnowledgeArticle_categoryId_idx" ON "KnowledgeArticle"("categoryId");

-- CreateIndex
CREATE INDEX "KnowledgeArticle_searchVector_idx" ON "KnowledgeArticle" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "KnowledgeArticle_title_trgm_idx" ON "KnowledgeArticle" USING GIN ("title" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "KnowledgeCategory" ADD CONSTRAINT "KnowledgeCategory_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeArticle" ADD CONSTRAINT "KnowledgeArticle_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeArticle" ADD CONSTRAINT "KnowledgeArticle_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "KnowledgeCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeArticle" ADD CONSTRAINT "KnowledgeArticle_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Agent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeArticle" ADD CONSTRAINT "KnowledgeArticle_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;
