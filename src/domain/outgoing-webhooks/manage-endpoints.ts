// Admins' outgoing webhook endpoints: list, create, change, delete, rotate the secret. The URL's
// host must be public unless WEBHOOK_ALLOW_PRIVATE (checked here and again on every POST). An
// endpoint of another workspace reads exactly like one that does not exist. Audited.
import { forgetSubscriptions } from './subscriptions.ts';
import { checkHost } from '../../../channels/host-policy.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import type { WebhookEventType } from './event-types.ts';
import { newWebhookSecret } from './sign-webhook.ts';
import { toWebhookEndpointView, type WebhookEndpointView, type WebhookEndpointWithSecret } from './webhook-view.ts';

export interface EndpointAdminDeps {
  db: Db;
  /** WEBHOOK_ALLOW_PRIVATE: endpoints may resolve to loopback and private addresses. */
  allowPrivate: boolean;
}

export interface EndpointInput {
  url: string;
  description?: string;
  events: WebhookEventType[];
  active?: boolean;
}

export async function listWebhookEndpoints(db: Db, viewer: Viewer): Promise<WebhookEndpointView[]> {
  requireAdmin(viewer, 'manage webhooks');
  const rows = await db.webhookEndpoint.findMany({ where: { workspaceId: viewer.workspaceId }, orderBy: { createdAt: 'asc' } });
  return rows.map(toWebhookEndpointView);
}

/** The caller's endpoint, or 404 (also for another workspace's). */
export async function loadOwnEndpoint(db: Db | Tx, viewer: Viewer, id: string) {
  requireAdmin(viewer, 'manage webhooks');
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id, workspaceId: viewer.workspaceId } });
  if (!endpoint) throw notFound('Webhook endpoint');
  return endpoint;
}

async function checkUrl(url: string, allowPrivate: boolean): Promise<void> {
  const check = await checkHost(new URL(url).hostname, { allowPrivate });
  if (!check.ok) throw new AppError('validation_failed', `url: ${check.reason} (set WEBHOOK_ALLOW_PRIVATE=true to allow it)`);
}

const audit = (tx: Tx, viewer: Viewer, action: string, id: string, data: Record<string, unknown>) =>
  recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action, targetType: 'webhook_endpoint', targetId: id, data });

export async function createWebhookEndpoint(deps: EndpointAdminDeps, viewer: Viewer, input: EndpointInput): Promise<WebhookEndpointWithSecret> {
  requireAdmin(viewer, 'manage webhooks');
  await checkUrl(input.url, deps.allowPrivate);
  const secret = newWebhookSecret();
  const row = await deps.db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: { workspaceId: viewer.workspaceId, url: input.url, description: input.description ?? '', events: [...new Set(input.events)], active: input.active ?? true, secret },
    });
    await audit(tx, viewer, 'webhook_endpoint.create', row.id, { url: row.url, events: row.events });
    return row;
  });
  forgetSubscriptions(viewer.workspaceId);
  return { ...toWebhookEndpointView(row), secret };
}

export async function updateWebhookEndpoint(deps: EndpointAdminDeps, viewer: Viewer, id: string, patch: Partial<EndpointInput>): Promise<WebhookEndpointView> {
  await loadOwnEndpoint(deps.db, viewer, id);
  if (patch.url !== undefined) await checkUrl(patch.url, deps.allowPrivate);
  const row = await deps.db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.update({ where: { id }, data: { ...patch, ...(patch.events ? { events: [...new Set(patch.events)] } : {}) } });
    await audit(tx, viewer, 'webhook_endpoint.update', id, { fields: Object.keys(patch) });
    return row;
  });
  forgetSubscriptions(viewer.workspaceId);
  return toWebhookEndpointView(row);
}

/** Deletes the endpoint and its delivery log; jobs still queued for it find no row and stop. */
export async function deleteWebhookEndpoint(db: Db, viewer: Viewer, id: string): Promise<void> {
  const existing = await loadOwnEndpoint(db, viewer, id);
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id } });
    await audit(tx, viewer, 'webhook_endpoint.delete', id, { url: existing.url });
  });
  forgetSubscriptions(viewer.workspaceId);
}

/** A new secret, in force at once (the old one stops verifying); shown this once. */
export async function rotateWebhookSecret(deps: Pick<EndpointAdminDeps, 'db'> & { now: Date }, viewer: Viewer, id: string): Promise<WebhookEndpointWithSecret> {
  await loadOwnEndpoint(deps.db, viewer, id);
  const secret = newWebhookSecret();
  const row = await deps.db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.update({ where: { id }, data: { secret, secretRotatedAt: deps.now } });
    await audit(tx, viewer, 'webhook_endpoint.rotate_secret', id, {});
    return row;
  });
  return { ...toWebhookEndpointView(row), secret };
}
