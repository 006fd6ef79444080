// Runs `prisma generate` on machines without Prisma's native schema engine. Generate never runs
// that engine, but the CLI insists the binary exists (or tries to download it) before it starts;
// when PRISMA_SCHEMA_ENGINE_BINARY is unset we point it at an existing file so no download is tried.
// See DEVELOPERS.md "Prisma without the native engine".
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const prismaCli = require.resolve('prisma/build/index.js');
const configured = process.env.PRISMA_SCHEMA_ENGINE_BINARY;
const engine = configured && existsSync(configured) ? configured : process.execPath;

const result = spawnSync(process.execPath, [prismaCli, 'generate'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: engine, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
if (result.status !== 0) {
  process.stdout.write(result.stdout);
  console.error('parley: prisma generate failed');
  process.exit(result.status ?? 1);
}
