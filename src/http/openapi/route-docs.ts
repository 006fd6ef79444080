// What the OpenAPI document is generated from: the same zod schema each route validates with, and
// the audience its allow() declares. Both are attached to the route's own middleware the way
// hono-openapi reads them (its `uniqueSymbol`), so the document cannot drift from what a route
// checks: a route's schema is documented because it is the one that validates it.
import type { MiddlewareHandler } from 'hono';
import { resolver, uniqueSymbol } from 'hono-openapi';
import type { z } from 'zod';

/** Who may call a route, as allow() declares it (mirrors permissions.ts' Audience). */
export type DocumentedAudience = 'public' | 'agent' | 'supervisor' | 'admin';

const WHO: Record<DocumentedAudience, string> = {
  public: 'Anyone, without a session.',
  agent: 'Any signed-in person of the workspace (agent, supervisor or admin).',
  supervisor: 'Supervisors and admins of the workspace.',
  admin: 'Admins of the workspace.',
};

/** Marks a validator with the schema it checks, for the document's parameters and request body. */
export function documentValidator<M extends MiddlewareHandler>(middleware: M, target: string, schema: z.ZodType): M {
  return Object.assign(middleware, { [uniqueSymbol]: { target, ...resolver(schema) } });
}

/** Marks an allow() gate with its audience: the operation's security, and who may call it. */
export function documentAudience<M extends MiddlewareHandler>(gate: M, audience: DocumentedAudience): M {
  const spec = {
    'x-parley-audience': audience,
    description: `**Who may call it:** ${WHO[audience]}`,
    security: audience === 'public' ? [] : [{ sessionCookie: [] }, { bearerToken: [] }],
  };
  return Object.assign(gate, { [uniqueSymbol]: { spec } });
}
