// A failure the parley command reports as one `parley: <reason>` line, with its exit code:
// 2 when the command line is wrong, 1 when the input is.
export type CliExitCode = 1 | 2;

export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: CliExitCode;

  constructor(exitCode: CliExitCode, message: string) {
    super(message);
    this.exitCode = exitCode;
  }
}

export const usageError = (reason: string) => new CliError(2, reason);
export const inputError = (reason: string) => new CliError(1, reason);
