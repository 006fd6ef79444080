-- Provider API endpoints are instance settings now (TELEGRAM_API_ROOT, TWILIO_API_BASE): a
-- workspace's channel may no longer point Parley's requests, and its credentials, elsewhere.
-- The old per-channel keys are dropped, so stored settings still pass their schema.
UPDATE "Channel" SET "settings" = "settings" - 'apiRoot' WHERE "kind" = 'telegram' AND "settings" ? 'apiRoot';
UPDATE "Channel" SET "settings" = "settings" - 'apiBaseUrl' WHERE "kind" IN ('sms', 'whatsapp', 'voice') AND "settings" ? 'apiBaseUrl';
