-- AlterEnum
ALTER TYPE "InboundStatus" ADD VALUE 'rejected';

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "fetchError" TEXT;

-- CreateIndex
CREATE INDEX "Contact_workspaceId_phone_idx" ON "Contact"("workspaceId", "phone");
