// The HTTP application: REST API under /api, health check, one error renderer. Every /api
// request passes the same gates in order: body size, cross-site origin, JSON body, session; then
// the route's own allow() (permissions.ts). A route without a declaration stops the boot.
import { Hono } from 'hono';
import { checkDatabase } from '../db/check-database.ts';
import { checkReadiness, probePostgres } from '../health/readiness.ts';
import { REPLY_FILES_MAX_BYTES } from '../domain/messages/store-reply-attachments.ts';
import { resolveSession } from './auth-middleware.ts';
import { limitBody } from './body-limit.ts';
import { refuseCrossSite, requireJsonBody } from './cross-site.ts';
import { allowedOrigins } from './origin-policy.ts';
import { assertRoutesDeclared } from './permissions.ts';
import { limitJsonDepth } from './json-depth-limit.ts';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../errors.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { errorHandler } from './error-handler.ts';
import { agentRoutes } from './routes/agents.ts';
import { auditRoutes } from './routes/audit.ts';
import { attachmentRoutes } from './routes/attachments.ts';
import { authRoutes } from './routes/auth.ts';
import { cannedResponseRoutes } from './routes/canned-responses.ts';
import { macroRoutes } from './routes/macros.ts';
import { taskRoutes } from './routes/tasks.ts';
import { webhookEndpointRoutes } from './routes/webhook-endpoints.ts';
import { channelRoutes } from './routes/channels.ts';
import { contactMergeRoutes } from './routes/contact-merges.ts';
import { contactRoutes } from './routes/contacts.ts';
import { contactSettingsRoutes } from './routes/contact-settings.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { conversationUpdateRoutes } from './routes/conversation-updates.ts';
import { conversationRoutes } from './routes/conversations.ts';
import { helpCenterRoutes } from './routes/help-center.ts';
import { knowledgeRoutes } from './routes/knowledge.ts';
import { identityClaimRoutes } from './routes/identity-claims.ts';
import { reportRoutes } from './routes/reports.ts';
import { deliveryRoutes } from './routes/deliveries.ts';
import { exportRoutes } from './routes/exports.ts';
import { csatRoutes } from './routes/csat.ts';
import { inboundEventRoutes } from './routes/inbound-events.ts';
import { onboardingRoutes } from './routes/onboarding.ts';
import { peopleRoutes } from './routes/people.ts';
import { privacyRoutes } from './routes/privacy.ts';
import { routingRoutes } from './routes/routing.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { slaRoutes } from './routes/sla.ts';
import { teamRoutes } from './routes/teams.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { widgetRoutes } from './routes/widget.ts';
import { mountWebUi } from './static.ts';
import { metricsRoute } from './metrics-route.ts';
import { requestLog } from './request-log.ts';
import { mountQueueBoard } from './queue-board.ts';
import { apiReferenceRoutes, openApiRoutes } from './openapi/api-reference.ts';

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(deps.log));
  app.use('*', requestLog(deps.log));
  // The chat widget's script is loaded by other sites: it sets its own headers (see widget.ts).
  app.route('/', widgetRoutes());
  app.use('*', secureHeaders());
  app.get('/healthz', async (c) => {
    await checkDatabase(deps.db);
    return c.json({ ok: true });
  });
  app.get('/readyz', async (c) => {
    const report = await (deps.readiness ?? (() => checkReadiness('api', { postgres: probePostgres(deps.db) })))();
    c.header('cache-control', 'no-store');
    return c.json(report, report.ok ? 200 : 503);
  });
  app.get('/metrics', metricsRoute(deps));

  const api = new Hono<AppEnv>();
  // Replies carry their files base64-encoded (a third larger); every other request stays small.
  const replyLimit = limitBody(Math.ceil((REPLY_FILES_MAX_BYTES * 4) / 3) + 1024 * 1024, 'A reply with its files');
  const otherLimit = limitBody(2 * 1024 * 1024, 'Request body');
  api.use('*', (c, next) => (c.req.method === 'POST' && /^\/api\/conversations\/[^/]+\/messages$/.test(c.req.path) ? replyLimit : otherLimit)(c, next));
  api.use('*', refuseCrossSite(allowedOrigins(deps.config)));
  api.use('*', requireJsonBody());
  api.use('*', limitJsonDepth());
  api.use('*', resolveSession(deps));
  api.route('/', authRoutes(deps));
  api.route('/', sessionRoutes(deps));
  api.route('/', onboardingRoutes(deps));
  api.route('/', identityClaimRoutes(deps));
  api.route('/', peopleRoutes(deps));
  api.route('/', teamRoutes(deps));
  api.route('/', conversationRoutes(deps));
  api.route('/', contactRoutes(deps));
  api.route('/', contactSettingsRoutes(deps));
  api.route('/', organisationRoutes(deps));
  api.route('/', contactMergeRoutes(deps));
  api.route('/', attachmentRoutes(deps));
  api.route('/', inboundEventRoutes(deps));
  api.route('/', routingRoutes(deps));
  api.route('/', slaRoutes(deps));
  api.route('/', agentRoutes(deps));
  api.route('/', channelRoutes(deps));
  api.route('/', cannedResponseRoutes(deps));
  api.route('/', taskRoutes(deps));
  api.route('/', macroRoutes(deps));
  api.route('/', knowledgeRoutes(deps));
  api.route('/', helpCenterRoutes(deps));
  api.route('/', conversationUpdateRoutes(deps));
  api.route('/', privacyRoutes(deps));
  api.route('/', auditRoutes(deps));
  api.route('/', deliveryRoutes(deps));
  api.route('/', exportRoutes(deps));
  api.route('/', webhookEndpointRoutes(deps));
  api.route('/', csatRoutes(deps));
  api.route('/', reportRoutes(deps));
  api.route('/', openApiRoutes(() => app));
  api.all('*', () => {
    throw new AppError('not_found', 'No such API endpoint');
  });
  app.route('/api', api);
  app.route('/webhooks', webhookRoutes(deps));
  mountQueueBoard(app, deps);
  app.route('/', apiReferenceRoutes());
  mountWebUi(app);
  assertRoutesDeclared(app.routes);
  return app;
}
