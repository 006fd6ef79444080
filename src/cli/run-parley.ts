// The parley command line as a function: argv in, output written to the given streams, exit code
// out. `parley.ts` runs it for the real process; tests call it in-process. Sub-commands load
// lazily, so one command's dependencies never slow down or break another; every failure ends as
// one `parley: <reason>` line, never a stack trace.
import { CliError, usageError } from './cli-error.ts';
import type { PasswordInput } from './read-password.ts';

const usage = 'usage: parley parse <kind> FILE | parley create-admin --email E --name N [...]';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** What commands that read input (a password) read; a terminal is read without echo. */
  stdin: PasswordInput;
  /** The environment commands that reach the database configure themselves from (loadConfig). */
  env: Record<string, string | undefined>;
}

async function run(argv: readonly string[], io: CliIo): Promise<string> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'parse': {
      const { runParseCommand } = await import('./parse-command.ts');
      return runParseCommand(rest);
    }
    case 'create-admin': {
      const { runCreateAdminCommand } = await import('./create-admin-command.ts');
      return runCreateAdminCommand(rest, io);
    }
    case undefined:
      throw usageError(usage);
    default:
      throw usageError(`unknown command '${command}' (${usage})`);
  }
}

function reasonOf(err: unknown): string {
  const reason = err instanceof Error ? err.message : String(err);
  return reason.replace(/\s+/g, ' ').trim() || 'unknown error';
}

/** Runs one command line; resolves with the process exit code (0, or the CliError's code, or 1). */
export async function runParley(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    io.stdout.write(`${await run(argv, io)}\n`);
    return 0;
  } catch (err) {
    io.stderr.write(`parley: ${reasonOf(err)}\n`);
    return err instanceof CliError ? err.exitCode : 1;
  }
}
