// Builds the embeddable chat widget (web/widget/src) into one script, web/dist-widget/widget.js,
// which Parley serves at /widget.js (src/http/routes/widget.ts). `npm run build:widget`.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  publicDir: false,
  build: {
    outDir: '../dist-widget',
    emptyOutDir: true,
    sourcemap: true,
    // Old enough for the browsers a shop's customers use.
    target: 'es2019',
    lib: { entry: 'src/main.ts', formats: ['iife'], name: 'ParleyWidget', fileName: () => 'widget.js' },
  },
});
