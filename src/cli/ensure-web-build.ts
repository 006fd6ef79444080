// `prestart`: builds the web UI when web/dist is missing or older than web/src, so `npm start`
// on a fresh checkout serves the current inbox.
import { ensureWebBuild } from './web-build.ts';
import { ensureWidgetBuild } from './widget-build.ts';

try {
  ensureWebBuild();
  ensureWidgetBuild();
} catch (err) {
  console.error(`parley: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
