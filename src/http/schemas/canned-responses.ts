// The bodies /api/canned-responses validates (create, change). Zod only, so the web app's type
// check can load them (src/contract).
import { z } from 'zod';

const shortcut = z
  .string()
  .trim()
  .transform((s) => s.replace(/^\//, '').toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'use 1-40 letters, digits, - or _'));
const fields = {
  shortcut,
  title: z.string().trim().min(1, 'must not be empty').max(200),
  body: z.string().min(1, 'must not be empty').max(20_000),
};
export const cannedResponseCreateBody = z.object(fields);
export const cannedResponseUpdateBody = z.object(fields).partial().refine((b) => Object.keys(b).length > 0, 'give shortcut, title and/or body');
