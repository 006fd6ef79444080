// The parley command line. Sub-commands load lazily, so one command's dependencies never slow
// down or break another; every failure ends as one `parley: <reason>` line, never a stack trace.
import { CliError, usageError } from './cli-error.ts';

const usage = 'usage: parley parse <kind> FILE';

async function run(argv: readonly string[]): Promise<string> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'parse': {
      const { runParseCommand } = await import('./parse-command.ts');
      return runParseCommand(rest);
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

async function main(argv: readonly string[]): Promise<number> {
  try {
    process.stdout.write(`${await run(argv)}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`parley: ${reasonOf(err)}\n`);
    return err instanceof CliError ? err.exitCode : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
