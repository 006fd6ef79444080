-- A reply's client-generated idempotency key: the same key on one conversation is one message.
ALTER TABLE "Message" ADD COLUMN "clientKey" TEXT;
CREATE UNIQUE INDEX "Message_conversationId_clientKey_key" ON "Message"("conversationId", "clientKey");
