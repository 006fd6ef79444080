// "Re: <subject>" for replies, without stacking prefixes ("Re: Re: Re: ...").
export function replySubject(subject: string | null): string | null {
  if (!subject) return null;
  return /^\s*re\s*(\[\d+\])?\s*:/i.test(subject) ? subject.trim() : `Re: ${subject.trim()}`;
}
