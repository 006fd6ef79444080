// Message-ID handling for threading: pull ids out of Message-ID / In-Reply-To / References values
// (angle brackets kept, header order) and order the ids a reply may be answering.

const BRACKETED_ID = /<[^<>\s]+>/g;

/**
 * Every message-id in header values, in order. Bracketed ids win; a value holding none (some
 * mailers write bare `id@host`) contributes its `@` tokens wrapped in brackets.
 */
export function extractMessageIds(values: readonly string[]): string[] {
  return values.flatMap((value) => {
    const bracketed = value.match(BRACKETED_ID);
    if (bracketed) return bracketed;
    return value
      .split(/[\s,]+/)
      .filter((token) => /^[^\s<>()]+@[^\s<>()]+$/.test(token))
      .map((token) => `<${token}>`);
  });
}

/** The ids this message may answer: In-Reply-To first, then References newest-first, no repeats. */
export function threadRefs(inReplyTo: string | null, references: readonly string[]): string[] {
  const ordered = [...(inReplyTo ? [inReplyTo] : []), ...[...references].reverse()];
  return [...new Set(ordered)];
}
