// Twilio error codes agents meet most, in words; any other code links to Twilio's catalogue
// (https://www.twilio.com/docs/api/errors). Status callbacks carry only the code.
const knownErrors: Record<string, string> = {
  '21211': "invalid 'To' phone number",
  '21408': 'sending to this region is not enabled on the account',
  '21610': 'the recipient has unsubscribed (replied STOP)',
  '21614': "'To' number is not a mobile number",
  '30001': 'queue overflow',
  '30002': 'account suspended',
  '30003': 'unreachable destination handset',
  '30004': 'message blocked by the recipient or carrier',
  '30005': 'unknown destination handset',
  '30006': 'landline or unreachable carrier',
  '30007': 'filtered by the carrier',
  '30008': 'unknown error from the carrier',
  '30034': 'sent from an unregistered US number (A2P 10DLC)',
  '63003': 'the WhatsApp recipient could not be found',
  '63016': 'outside the WhatsApp 24-hour window: only a template can be sent',
  '63024': 'invalid WhatsApp recipient',
};

/** "unreachable destination handset (Twilio error 30003)". */
export function describeTwilioError(code: string | undefined, message: string | undefined): string {
  const text = message?.trim() || (code ? knownErrors[code] : undefined) || (code ? `see https://www.twilio.com/docs/api/errors/${code}` : 'no reason given');
  return code ? `${text} (Twilio error ${code})` : text;
}
