// Parsing a body a domain function validates itself (workflows, SLA policies, calendars): a 422
// whose `details` name each problem's field by its dotted path, so a form can show the message
// next to the field it is about.
import type { z } from 'zod';
import { AppError } from '../errors.ts';

/** One problem with a request, at a dotted path into the body ("filters.0.steps.1.queue"). */
export interface FieldProblem {
  path: string;
  message: string;
}

export function validationFailed(problems: FieldProblem[], what: string): AppError {
  const first = problems[0];
  return new AppError('validation_failed', first ? `${first.path || what}: ${first.message}` : `invalid ${what}`, { details: problems });
}

export function zodProblems(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldProblem[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export function parseOr422<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationFailed(zodProblems(result.error), what);
}
