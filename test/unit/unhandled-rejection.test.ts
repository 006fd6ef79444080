// An unhandled rejection anywhere fails the test suite, even when every assertion passed (the
// process-level handler in src/main.ts keeps production serving; tests must not hide one). Runs
// vitest on two fixtures with the suite's default error handling: one leaves a rejection
// unhandled, its control does not.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPath } from '../../src/app-root.ts';

const config = appPath('test', 'fixtures', 'unhandled', 'vitest.config.ts');
const vitest = appPath('node_modules', 'vitest', 'vitest.mjs');

function runFixture(name: string) {
  const run = spawnSync(process.execPath, [vitest, 'run', '--config', config, name], { cwd: path.dirname(config), encoding: 'utf8', env: { ...process.env, CI: 'true', FORCE_COLOR: '0' }, timeout: 60_000 });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('an unhandled rejection in a test', () => {
  it('fails the run although its assertions pass', () => {
    const run = runFixture('rejects.fixture.ts');
    expect(run.output).toContain('nobody handles this rejection');
    expect(run.status).not.toBe(0);
  });

  it('while the same test with the rejection handled passes (the control)', () => {
    const run = runFixture('clean.fixture.ts');
    expect(run.output).toContain('1 passed');
    expect(run.status).toBe(0);
  });
});
