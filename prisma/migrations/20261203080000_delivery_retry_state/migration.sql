-- Issue 14: email at most once after the 250 ('uncertain'), long transient retries and a dead-letter state.
ALTER TYPE "DeliveryStatus" ADD VALUE IF NOT EXISTS 'uncertain';

ALTER TABLE "Message" ADD COLUMN "retryingSince" TIMESTAMP(3);
ALTER TABLE "Message" ADD COLUMN "deadLetteredAt" TIMESTAMP(3);

CREATE INDEX "Message_workspaceId_deliveryStatus_idx" ON "Message"("workspaceId", "deliveryStatus");
