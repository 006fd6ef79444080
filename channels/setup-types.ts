// Shapes of a channel kind's setup that the web app also reads (the admin form's fields, the
// templates agents may send): types only and free of node, so the web app's type check can load
// them without pulling in the adapters (src/contract).

/** One setting in the admin form: where it goes in the settings object (a dotted path) and how it is edited. */
export interface SettingField {
  path: string;
  label: string;
  type: 'text' | 'secret' | 'number' | 'checkbox' | 'list' | 'textarea';
  hint?: string;
  required?: boolean;
  /** What the channel does while a checkbox was never set. */
  default?: boolean;
}

/** A provider-approved template agents may send (WhatsApp / SMS Content templates). */
export interface MessageTemplate {
  name: string;
  contentSid: string;
  /** The text with its placeholders ({{1}} ...), for the preview. */
  body: string;
  variables: { key: string; label: string }[];
}
