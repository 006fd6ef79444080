// zod validation for hono routes that fails with our error shape: 422 {error:{code,message,details}}.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { validationFailed, zodProblems } from '../domain/parse-input.ts';

export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (result.success) return;
    throw validationFailed(zodProblems(result.error), target);
  });
}
