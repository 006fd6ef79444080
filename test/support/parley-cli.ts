// Runs the parley command line in this process, as the real entry point does, and captures what
// it prints: the same exit code, stdout and stderr a child process would give, without spawning one.
import { runParley } from '../../src/cli/run-parley.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** File arguments are resolved against the working directory, like a shell's (the repository root under vitest). */
export async function parley(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runParley(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}
