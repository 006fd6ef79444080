// The page a claimed email's confirmation link opens, for anyone holding the link (no login):
// GET /api/identity-claims/:token shows what it confirms with a button; POST confirms it. A page
// of its own (not the agent app): the person is a customer. Rate-limited per address.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { confirmClaimLink, readClaimLink } from '../../domain/contacts/confirm-identity-claim-link.ts';
import { AppError } from '../../errors.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { rateLimit } from '../rate-limit.ts';
import { validate } from '../validate.ts';

const tokenParam = z.object({ token: z.string().min(20).max(200) });
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
const CSP = "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function identityClaimRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const limit = rateLimit(deps, { name: 'identity-claim-link', rule: { burst: 10, perMinute: 10 } });
  const html = (c: Context, status: 200 | 404, markup: string) => c.html(markup, status, { 'content-security-policy': CSP, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  const spent = (err: unknown) => err instanceof AppError && err.code === 'not_found';

  app.get('/identity-claims/:token', allow('public'), limit, validate('param', tokenParam), async (c) => {
    try {
      const claim = await readClaimLink(deps, c.req.valid('param').token);
      const form = `<p>Confirm that <strong>${escapeHtml(claim.value)}</strong> is your email address for ${escapeHtml(claim.workspaceName)}.</p><form method="post"><button type="submit">Yes, this is my email address</button></form>`;
      return html(c, 200, page('Confirm your email address', form));
    } catch (err) {
      if (spent(err)) return html(c, 404, page('Link expired', '<p>This link has expired or was already used.</p>'));
      throw err;
    }
  });
  app.post('/identity-claims/:token', allow('public'), limit, validate('param', tokenParam), async (c) => {
    try {
      const claim = await confirmClaimLink(deps, c.req.valid('param').token);
      return html(c, 200, page('Email address confirmed', `<p>Thank you: ${escapeHtml(claim.value)} is confirmed for ${escapeHtml(claim.workspaceName)}. You can close this page.</p>`));
    } catch (err) {
      if (spent(err)) return html(c, 404, page('Link expired', '<p>This link has expired or was already used.</p>'));
      throw err;
    }
  });
  return app;
}
