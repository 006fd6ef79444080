// Parley's website chat widget. Embed with one tag:
//   <script src="https://parley.example/widget.js" data-channel="<channel id or public key>" async></script>
import { startChat } from './chat.ts';
import { readConfig } from './config.ts';
import { createView } from './view.ts';

const script = document.currentScript as HTMLScriptElement | null;

function boot(): void {
  const config = readConfig(script);
  if (!config) {
    console.warn('Parley chat: the script tag needs data-channel="<channel id or public key>"');
    return;
  }
  if (document.querySelector('[data-parley-widget]')) return; // embedded twice
  startChat(config, createView());
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
else boot();
