// What the embedding page says: <script src="https://parley.example/widget.js" data-channel="..." async>.
export interface WidgetConfig {
  /** The webchat channel's id or public key. */
  channel: string;
  /** Where Parley runs: the origin the script was loaded from. */
  server: string;
}

export function readConfig(script: HTMLScriptElement | null): WidgetConfig | null {
  const tag = script ?? document.querySelector<HTMLScriptElement>('script[data-channel][src*="widget.js"]');
  const channel = tag?.dataset.channel?.trim();
  if (!tag || !channel) return null;
  return { channel, server: new URL(tag.src, document.baseURI).origin };
}
