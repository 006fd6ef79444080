// Where Parley reaches the providers' own APIs: instance settings (TELEGRAM_API_ROOT,
// TWILIO_API_BASE in src/config.ts), never a workspace's channel settings, so no workspace admin
// can point Parley's requests (and their credentials) at an address of their choosing.
export interface ProviderEndpoints {
  /** The Telegram Bot API server. */
  telegramApiRoot: string;
  /** Twilio's REST API base; null: Twilio's own (https://api.twilio.com). */
  twilioApiBase: string | null;
}

export const defaultProviderEndpoints: ProviderEndpoints = { telegramApiRoot: 'https://api.telegram.org', twilioApiBase: null };
