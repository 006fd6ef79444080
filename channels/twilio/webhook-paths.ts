// Where Twilio reaches Parley. The HTTP routes serve these paths and the adapters and TwiML name
// them in callback URLs, so both sides read them from here.
export const twilioWebhookPaths = {
  /** Inbound SMS and WhatsApp messages (configure on the number / WhatsApp sender). */
  messages: '/webhooks/twilio/messages',
  /** Delivery status of our outbound messages (Parley sets it as statusCallback on every send). */
  messageStatus: '/webhooks/twilio/messages/status',
  /** An incoming call (configure as the number's "A call comes in" URL). */
  voice: '/webhooks/twilio/voice',
  voiceMenu: '/webhooks/twilio/voice/menu',
  voiceWait: '/webhooks/twilio/voice/wait',
  voiceConnected: '/webhooks/twilio/voice/connected',
  voicemail: '/webhooks/twilio/voice/voicemail',
  voiceTranscription: '/webhooks/twilio/voice/transcription',
  /** Call status changes (configure as the number's "Call status changes" URL). */
  voiceStatus: '/webhooks/twilio/voice/status',
} as const;

export type TwilioWebhookName = keyof typeof twilioWebhookPaths;

/** An absolute URL of one of our webhooks under a public base URL (PUBLIC_URL, no trailing slash needed). */
export function twilioWebhookUrl(publicUrl: string, name: TwilioWebhookName): string {
  return `${publicUrl.replace(/\/+$/, '')}${twilioWebhookPaths[name]}`;
}
