-- Channel kinds are listed once, in channels/registry.ts: the columns become text, and a CHECK
-- constraint derived from the registry (src/db/channel-kind-check.ts) replaces the enum.
ALTER TABLE "Channel" ALTER COLUMN "kind" SET DATA TYPE TEXT USING "kind"::text;
ALTER TABLE "ContactIdentity" ALTER COLUMN "channelKind" SET DATA TYPE TEXT USING "channelKind"::text;
DROP TYPE "ChannelKind";
