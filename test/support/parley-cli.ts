// Runs the parley command line in this process, as the real entry point does, and captures what
// it prints: the same exit code, stdout and stderr a child process would give, without spawning one.
import { Readable } from 'node:stream';
import { runParley } from '../../src/cli/run-parley.ts';
import type { PasswordInput } from '../../src/cli/read-password.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliInput {
  /** What the command reads on stdin: text (as if piped), or a stream of one's own (a fake terminal). Default: nothing. */
  stdin?: string | PasswordInput;
  /** The command's environment (DATABASE_URL ...). Default: this process's. */
  env?: Record<string, string | undefined>;
}

/** File arguments are resolved against the working directory, like a shell's (the repository root under vitest). */
export async function parley(...args: string[]): Promise<CliRun> {
  return parleyWith({}, ...args);
}

export async function parleyWith(input: CliInput, ...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const stdin = typeof input.stdin === 'object' ? input.stdin : Readable.from(input.stdin === undefined ? [] : [input.stdin]);
  const code = await runParley(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin,
    env: input.env ?? process.env,
  });
  return { code, stdout, stderr };
}
