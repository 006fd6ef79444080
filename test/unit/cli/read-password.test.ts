// Reading a password for the command line: a terminal in raw mode never echoes what is typed
// (only the prompt goes to stderr), backspace edits, Ctrl-C cancels; piped input's first line.
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPassword } from '../../../src/cli/read-password.ts';

function fakeTerminal() {
  const tty = Object.assign(new EventEmitter(), {
    isTTY: true,
    raw: [] as boolean[],
    setRawMode(raw: boolean) {
      tty.raw.push(raw);
    },
    setEncoding() {},
    resume() {},
    pause() {},
  });
  return tty;
}

describe('readPassword', () => {
  it('reads a terminal in raw mode without echoing, with backspace', async () => {
    const tty = fakeTerminal();
    let shown = '';
    const read = readPassword(tty, { write: (t: string) => (shown += t) });
    tty.emit('data', 'secrex');
    tty.emit('data', '\u007ft pass');
    tty.emit('data', 'word\r');
    await expect(read).resolves.toBe('secret password');
    expect(shown).toBe('Password: \n');
    expect(tty.raw).toEqual([true, false]);
    expect(tty.listenerCount('data')).toBe(0);
  });

  it('cancels on Ctrl-C and leaves the terminal as it was', async () => {
    const tty = fakeTerminal();
    const read = readPassword(tty, { write: () => undefined });
    tty.emit('data', 'abc\u0003');
    await expect(read).rejects.toThrow('cancelled');
    expect(tty.raw).toEqual([true, false]);
  });

  it('takes the first line of piped input', async () => {
    await expect(readPassword(Readable.from(['pass', 'word\nignored\n']), { write: () => undefined })).resolves.toBe('password');
    await expect(readPassword(Readable.from(['crlf line\r\n']), { write: () => undefined })).resolves.toBe('crlf line');
  });
});
