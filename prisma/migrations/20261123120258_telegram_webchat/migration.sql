-- AlterTable
ALTER TABLE "ContactIdentity" ADD COLUMN     "optOutReason" TEXT;

-- CreateTable
CREATE TABLE "WebchatVisitor" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebchatVisitor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WebchatVisitor_tokenHash_key" ON "WebchatVisitor"("tokenHash");

-- CreateIndex
CREATE INDEX "WebchatVisitor_channelId_idx" ON "WebchatVisitor"("channelId");

-- AddForeignKey
ALTER TABLE "WebchatVisitor" ADD CONSTRAINT "WebchatVisitor_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebchatVisitor" ADD CONSTRAINT "WebchatVisitor_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;
