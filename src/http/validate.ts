// zod validation for hono routes that fails with our error shape: 422 {error:{code,message,details}}.
// The schema is also what /api/openapi.json documents for the route (openapi/route-docs.ts).
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { validationFailed, zodProblems } from '../domain/parse-input.ts';
import { documentValidator } from './openapi/route-docs.ts';

export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  const middleware = zValidator(target, schema, (result) => {
    if (result.success) return;
    throw validationFailed(zodProblems(result.error), target);
  });
  return documentValidator(middleware, target, schema);
}
