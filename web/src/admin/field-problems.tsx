// The server checks every settings form with its own schema and answers a 422 whose details name
// each problem's field by a dotted path ("filters.0.steps.1.queue"); these pieces put each message
// next to its field, and say which problems no field on screen shows.
import { useEffect } from 'react';
import { ApiError } from '../api/client.ts';

export type Problems = ReadonlyMap<string, string>;

export const noProblems: Problems = new Map();

export function problemsOf(err: unknown): Problems {
  if (!(err instanceof ApiError)) return noProblems;
  const map = new Map<string, string>();
  for (const p of err.details) if (!map.has(p.path)) map.set(p.path, p.message);
  return map;
}

/** The message for exactly this path, if any. */
export const problemAt = (problems: Problems, path: string): string | undefined => problems.get(path);

/** Messages at this path or below it ("weeklyHours.mon" for the day's row shows "weeklyHours.mon.0.end"). */
export function problemsUnder(problems: Problems, prefix: string): string[] {
  return [...problems].filter(([path]) => path === prefix || path.startsWith(`${prefix}.`)).map(([, message]) => message);
}

/** Props for an input whose field may have a problem: marks it invalid and points at the message. */
export function invalidProps(problems: Problems, path: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return problems.has(path) ? { 'aria-invalid': true, 'aria-describedby': problemId(path) } : {};
}

const problemId = (path: string) => `problem-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** The message for a field, right under it. `under` also shows problems of the field's parts. */
export function FieldError({ problems, path, under = false }: { problems: Problems; path: string; under?: boolean }) {
  const messages = under ? problemsUnder(problems, path) : problems.has(path) ? [problems.get(path)!] : [];
  if (messages.length === 0) return null;
  return (
    <span className="field-error" id={problemId(path)} role="alert">
      {messages.join('; ')}
    </span>
  );
}

/** Problems whose path no field of the form shows (the form lists the paths it shows). */
export function unplacedProblems(problems: Problems, shown: (path: string) => boolean): string[] {
  return [...problems].filter(([path]) => !shown(path)).map(([path, message]) => (path ? `${path}: ${message}` : message));
}

/** After a refused save, brings the first field marked invalid into view and focuses it. */
export function useFocusFirstProblem(problems: Problems): void {
  useEffect(() => {
    if (problems.size === 0) return;
    const first = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.scrollIntoView({ block: 'center' });
    first?.focus({ preventScroll: true });
  }, [problems]);
}
