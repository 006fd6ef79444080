// The parley command line as a real child process, once: the entry point wires argv, stdout and
// the exit code to `runParley` (whose behaviour test/unit/cli/* cover in-process).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('parley command line', () => {
  it('parses an email file in a child process: JSON on stdout, nothing on stderr, exit code 0', async () => {
    const run = await new Promise<{ code: number | string | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/parley.ts', 'parse', 'email', 'test/fixtures/email/gmail-reply.eml'], { cwd: root }, (error, stdout, stderr) => {
        resolve({ code: error ? (error.code ?? null) : 0, stdout, stderr });
      });
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      channel: 'email',
      externalId: '<CAHx2reply@mail.gmail.com>',
      from: { address: 'sam.lee@gmail.com', name: 'Sam Lee' },
      subject: 'Re: [#1042] CSV export broken',
      sentAt: '2025-03-04T11:05:12.000Z',
    });
  });
});
