// What the reply box lets through before it sends files: channels without files, empty files,
// too many files, and the channel's size limit.
import { describe, expect, it } from 'vitest';
import { MAX_REPLY_FILES, replyFilesProblem, type ReplyFile } from '../../src/composer/reply-files.ts';

const file = (filename: string, size: number): ReplyFile => ({ filename, contentType: 'application/pdf', size, contentBase64: 'JVBERg==' });
const MB = 1024 * 1024;

describe('replyFilesProblem', () => {
  it('lets no files through anywhere, and files within the limit', () => {
    expect(replyFilesProblem([], null, 'SMS')).toBeNull();
    expect(replyFilesProblem([file('a.pdf', 10 * MB), file('b.pdf', 10 * MB)], 20 * MB, 'Email')).toBeNull();
  });

  it('refuses files on a channel that sends none, naming the channel', () => {
    expect(replyFilesProblem([file('a.pdf', 10)], null, 'SMS')).toBe('SMS cannot carry files; send a link instead');
  });

  it('refuses an empty file by name', () => {
    expect(replyFilesProblem([file('a.pdf', 10), file('empty.txt', 0)], 20 * MB, 'Email')).toBe('empty.txt is empty');
  });

  it('refuses more files than the API takes', () => {
    const many = Array.from({ length: MAX_REPLY_FILES + 1 }, (_, i) => file(`f${i}.pdf`, 10));
    expect(replyFilesProblem(many, 20 * MB, 'Email')).toBe(`At most ${MAX_REPLY_FILES} files per reply`);
    expect(replyFilesProblem(many.slice(1), 20 * MB, 'Email')).toBeNull();
  });

  it('says how much the files come to and what the channel carries', () => {
    expect(replyFilesProblem([file('a.pdf', 15 * MB), file('b.pdf', 6 * MB)], 20 * MB, 'Email')).toBe('The files come to 21.0 MB; Email replies carry at most 20.0 MB');
  });
});
