// The form of each channel kind: which settings an admin fills in, where they go in the settings
// object (dotted paths), and how a value is read and written. The server checks the result against
// the kind's schema and names any bad field; this only shapes the form.
import type { ChannelKind } from '../api/types.ts';

export type FieldType = 'text' | 'secret' | 'number' | 'checkbox' | 'list' | 'textarea';

export interface Field {
  path: string;
  label: string;
  type: FieldType;
  hint?: string;
  required?: boolean;
  /** What the channel does while a checkbox was never set. */
  default?: boolean;
}

/** Shown in place of a stored secret; sent back, it keeps the secret. */
export const REDACTED = '••••••••';

const twilio: Field[] = [
  { path: 'accountSid', label: 'Account SID', type: 'text', required: true, hint: 'AC followed by 32 hex digits' },
  { path: 'authToken', label: 'Auth token', type: 'secret', required: true },
];

export const channelKindsForm: { kind: ChannelKind; label: string; address: string }[] = [
  { kind: 'email', label: 'Email', address: 'The address customers write to, e.g. help@acme.example' },
  { kind: 'webchat', label: 'Website chat', address: 'Widget key: lower-case letters, digits and dashes, e.g. acme-website' },
  { kind: 'sms', label: 'SMS (Twilio)', address: 'The Twilio number, e.g. +14155550100' },
  { kind: 'whatsapp', label: 'WhatsApp (Twilio)', address: 'The WhatsApp sender number, e.g. +14155550100' },
  { kind: 'voice', label: 'Phone (Twilio)', address: 'The Twilio number, e.g. +14155550100' },
  { kind: 'telegram', label: 'Telegram bot', address: "The bot's username, e.g. acme_support_bot" },
];

export const channelFields: Record<ChannelKind, Field[]> = {
  email: [
    { path: 'fromName', label: 'Sender name', type: 'text', hint: 'e.g. Acme Support' },
    { path: 'smtp.host', label: 'SMTP host', type: 'text', required: true },
    { path: 'smtp.port', label: 'SMTP port', type: 'number', hint: '587 unless your provider says otherwise' },
    { path: 'smtp.secure', label: 'SMTP over TLS from the start (port 465)', type: 'checkbox' },
    { path: 'smtp.auth.user', label: 'SMTP user', type: 'text' },
    { path: 'smtp.auth.pass', label: 'SMTP password', type: 'secret' },
    { path: 'imap.host', label: 'IMAP host (to poll an existing mailbox)', type: 'text' },
    { path: 'imap.auth.user', label: 'IMAP user', type: 'text' },
    { path: 'imap.auth.pass', label: 'IMAP password', type: 'secret' },
    { path: 'imap.mailbox', label: 'IMAP mailbox', type: 'text', hint: 'INBOX' },
  ],
  webchat: [
    { path: 'title', label: 'Widget title', type: 'text', hint: 'Chat with us' },
    { path: 'greeting', label: 'Greeting', type: 'textarea' },
    { path: 'prechat.topics', label: 'Topics to choose from (one per line)', type: 'list' },
    { path: 'calendar', label: 'Business calendar (offline form outside its hours)', type: 'text' },
    { path: 'offlineWhenNobodyOnline', label: 'Offline form while no agent is online', type: 'checkbox', default: true },
    { path: 'allowedOrigins', label: 'Sites allowed to embed it (one origin per line; empty: any)', type: 'list' },
  ],
  sms: twilio,
  whatsapp: twilio,
  voice: [
    ...twilio,
    { path: 'greeting', label: 'Greeting', type: 'text' },
    { path: 'forwardTo', label: 'Ring (number, sip: or client:)', type: 'text', hint: 'empty: callers wait in a Twilio queue' },
    { path: 'ringTimeoutSeconds', label: 'Ring for (seconds)', type: 'number' },
    { path: 'businessCalendar', label: 'Business calendar (voicemail outside its hours)', type: 'text' },
  ],
  telegram: [
    { path: 'botToken', label: 'Bot token (from @BotFather)', type: 'secret', required: true },
    { path: 'allowGroups', label: 'Take messages from groups', type: 'checkbox' },
    { path: 'polling', label: 'Poll for updates (development, no public URL)', type: 'checkbox' },
  ],
};

type Obj = Record<string, unknown>;

export function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Obj)[k] : undefined), obj);
}

/** A copy of `obj` with `path` set (objects on the way created); `undefined` removes the key. */
export function setPath(obj: Obj, path: string, value: unknown): Obj {
  const [key, ...rest] = path.split('.') as [string, ...string[]];
  const copy: Obj = { ...obj };
  if (rest.length === 0) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return copy;
  }
  const inner = copy[key] !== null && typeof copy[key] === 'object' ? (copy[key] as Obj) : {};
  const next = setPath(inner, rest.join('.'), value);
  if (Object.keys(next).length === 0) delete copy[key];
  else copy[key] = next;
  return copy;
}

/** What the form holds for a field, as the input shows it. */
export function fieldText(settings: Obj, f: Field): string | boolean {
  const v = getPath(settings, f.path);
  if (f.type === 'checkbox') return v === undefined ? (f.default ?? false) : v === true;
  if (f.type === 'list') return Array.isArray(v) ? v.join('\n') : '';
  return v === undefined || v === null ? '' : String(v);
}

/** The settings with an input's value written in (empty text: the setting is left out). */
export function withField(settings: Obj, f: Field, input: string | boolean): Obj {
  if (f.type === 'checkbox') return setPath(settings, f.path, input === true);
  const text = String(input);
  if (f.type === 'list') {
    const items = text.split('\n').map((s) => s.trim()).filter(Boolean);
    return setPath(settings, f.path, items.length > 0 ? items : undefined);
  }
  if (text.trim() === '') return setPath(settings, f.path, undefined);
  if (f.type === 'number') return setPath(settings, f.path, Number.isFinite(Number(text)) ? Number(text) : text);
  return setPath(settings, f.path, f.type === 'secret' ? text : text.trim());
}

/**
 * The change to send for an edit: the form's settings, with null where a field that had a value was
 * emptied (the server merges settings key by key, and null removes one).
 */
export function settingsPatch(original: Obj, current: Obj, fields: Field[]): Obj {
  let patch = current;
  for (const f of fields) {
    if (getPath(original, f.path) !== undefined && getPath(current, f.path) === undefined) patch = setPath(patch, f.path, null);
  }
  return patch;
}
