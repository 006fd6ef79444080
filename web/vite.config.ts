// Vite builds the agent inbox into web/dist, which Parley serves at `/` (src/http/static.ts).
// `npx vite web` runs a dev server that proxies the API and socket.io to a local Parley.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const parley = process.env.PARLEY_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    proxy: {
      '/api': { target: parley, changeOrigin: false },
      '/socket.io': { target: parley, ws: true, changeOrigin: false },
    },
  },
});
