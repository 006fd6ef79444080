// WORKERS_NICE: a workers process lowers its own CPU priority, never raises it, and a refusal only
// logs. Run in child processes: a niceness once raised cannot be lowered again without privileges,
// so the test's own process must keep its own.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs lowerOwnPriority(nice) in a fresh node, starting at `start`, and reports its niceness after and what it logged. */
function inChild(start: number, nice: number): { after: number; logged: string[] } {
  const script = `
    import os from 'node:os';
    import { lowerOwnPriority } from './src/process-priority.ts';
    os.setPriority(${start});
    const logged = [];
    lowerOwnPriority(${nice}, { info: (_o, m) => logged.push('info ' + m), warn: (_o, m) => logged.push('warn ' + m) });
    console.log(JSON.stringify({ after: os.getPriority(), logged }));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { after: number; logged: string[] };
}

describe('lowerOwnPriority', () => {
  const base = os.getPriority();

  it('raises the niceness to the setting and says so', () => {
    const { after, logged } = inChild(base, Math.min(19, base + 7));
    expect(after).toBe(Math.min(19, base + 7));
    expect(logged).toEqual(['info workers run at a lower CPU priority than the API (WORKERS_NICE)']);
  });

  it('leaves a process at 0 as it is, and one already nicer than the setting', () => {
    expect(inChild(base, 0)).toEqual({ after: base, logged: [] });
    const nicer = Math.min(19, base + 12);
    expect(inChild(nicer, Math.min(19, base + 5)).after).toBe(nicer);
  });
});
