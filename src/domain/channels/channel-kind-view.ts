// What the web app knows about a channel kind (GET /api/channel-kinds): names, icon, colour, the
// admin form, and what a conversation on the kind can do; built from the registry in
// channel-kinds.ts. Node-free (src/contract).

/**
 * One setting in the admin form: where it goes in the settings object (a dotted path) and how it
 * is edited. The same shape as channels/types.ts's SettingField, which the web app's type check
 * cannot load (it pulls in every adapter); test/unit/contract/channel-shapes.test.ts keeps the
 * two equal.
 */
export interface SettingField {
  path: string;
  label: string;
  type: 'text' | 'secret' | 'number' | 'checkbox' | 'list' | 'textarea';
  hint?: string;
  required?: boolean;
  /** What the channel does while a checkbox was never set. */
  default?: boolean;
}

export interface ChannelKindView {
  /** A registry kind; the web app keeps no list of them (a newer server may name more). */
  kind: string;
  label: string;
  shortLabel: string;
  icon: { path: string; colour: string };
  /** The admin form: the address field's hint and the settings, field by field. */
  addressHint: string;
  form: SettingField[];
  /** Live kinds (calls, chat) need someone present. */
  live: boolean;
  /** How many bytes of files a reply may carry; null when the kind sends no files. */
  maxReplyFileBytes: number | null;
  /** Whether agents may send provider-approved templates here. */
  templates: boolean;
  /** Shown instead of an identity's address when the address means nothing to people. */
  identityLabel: string | null;
}
