// Reads a password for the command line: from a file (--password-file), or from stdin. A
// terminal is put in raw mode so nothing typed is echoed (only the prompt is written, to stderr);
// piped input is read to its end and its first line is the password.
import { readFile } from 'node:fs/promises';
import { inputError } from './cli-error.ts';

/** The part of a stdin stream this needs; a TTY also has setRawMode. */
export interface PasswordInput {
  isTTY?: boolean;
  setRawMode?(raw: boolean): unknown;
  setEncoding?(encoding: 'utf8'): unknown;
  on(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
  on(event: 'end' | 'error', listener: (arg?: unknown) => void): unknown;
  off(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
  resume?(): unknown;
  pause?(): unknown;
}

const MAX_PIPED_BYTES = 64 * 1024;

const firstLine = (text: string) => text.split(/\r?\n/)[0] ?? '';

export async function readPasswordFile(file: string): Promise<string> {
  try {
    return firstLine(await readFile(file, 'utf8'));
  } catch (err) {
    throw inputError(`cannot read the password file ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

/** A typed line without echo. Backspace deletes; Ctrl-C or Ctrl-D on an empty line cancels. */
function readFromTerminal(stdin: PasswordInput, stderr: { write(text: string): unknown }, prompt: string): Promise<string> {
  stderr.write(prompt);
  stdin.setRawMode!(true);
  stdin.setEncoding?.('utf8');
  stdin.resume?.();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (outcome: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode!(false);
      stdin.pause?.();
      stderr.write('\n');
      outcome();
    };
    const onData = (chunk: string | Buffer) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') return finish(() => resolve(value));
        if (ch === '\u0003' || (ch === '\u0004' && value === '')) return finish(() => reject(inputError('cancelled')));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

function readPiped(stdin: PasswordInput): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    stdin.on('data', (chunk) => {
      text += String(chunk);
      if (text.length > MAX_PIPED_BYTES) reject(inputError('the password on stdin is too long'));
    });
    stdin.on('end', () => resolve(firstLine(text)));
    stdin.on('error', (err) => reject(inputError(`cannot read stdin: ${(err as Error).message}`)));
    stdin.resume?.();
  });
}

export async function readPassword(stdin: PasswordInput, stderr: { write(text: string): unknown }, prompt = 'Password: '): Promise<string> {
  if (stdin.isTTY && stdin.setRawMode) return readFromTerminal(stdin, stderr, prompt);
  return readPiped(stdin);
}
