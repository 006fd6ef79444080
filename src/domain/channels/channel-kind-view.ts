// What the web app knows about a channel kind (GET /api/channel-kinds): names, icon, colour, the
// admin form, and what a conversation on the kind can do; built from the registry in
// channel-kinds.ts. Node-free (src/contract).

import type { SettingField } from '../../../channels/setup-types.ts';

export type { SettingField };

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
