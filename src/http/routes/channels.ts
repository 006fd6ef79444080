// Channels. GET /api/channel-kinds: what every kind is (names, icon, admin form), from the registry.
// GET /api/channels: the workspace's channels for every agent (id, kind, name, address,
// what files a reply may carry). Admins: POST /api/channels to add one, GET / PATCH /api/channels/:id
// to see (secrets redacted) and change one.
import { Hono } from 'hono';
import { z } from 'zod';
import { channelKinds } from '../../../channels/registry.ts';
import { listChannelKinds } from '../../domain/channels/channel-kinds.ts';
import { listChannels } from '../../domain/channels/list-channels.ts';
import { createChannel, getChannel, updateChannel } from '../../domain/channels/manage-channels.ts';
import { registerChannelWebhook } from '../../domain/channels/register-channel-webhook.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { channelFields, channelPatchBody } from '../schemas/channels.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });
const kindParam = idParam.extend({ kind: z.enum(channelKinds) });
const createBody = z.object({ kind: z.enum(channelKinds), ...channelFields });

export function channelRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const admin = { db: deps.db, publicUrl: deps.config.PUBLIC_URL, allowPrivateHosts: deps.config.ALLOW_PRIVATE_HOSTS };
  app.get('/channel-kinds', allow('agent'), (c) => c.json({ items: listChannelKinds(deps.adapterFor) }));
  app.get('/channels', allow('agent'), async (c) => c.json({ items: await listChannels(deps, c.get('viewer')) }));
  app.post('/channels', allow('admin'), validate('json', createBody), async (c) => c.json(await createChannel(admin, c.get('viewer'), c.req.valid('json')), 201));
  app.get('/channels/:id', allow('admin'), validate('param', idParam), async (c) => c.json(await getChannel(admin, c.get('viewer'), c.req.valid('param').id)));
  app.patch('/channels/:id', allow('admin'), validate('param', idParam), validate('json', channelPatchBody), async (c) => c.json(await updateChannel(admin, c.get('viewer'), c.req.valid('param').id, c.req.valid('json'))));
  // Points the provider at the channel's webhook where Parley can (Telegram); /channels/:id/<kind>/register-webhook is the older path.
  app.post('/channels/:id/register-webhook', allow('admin'), validate('param', idParam), async (c) =>
    c.json(await registerChannelWebhook(deps, c.get('viewer'), { channelId: c.req.valid('param').id, publicUrl: deps.config.PUBLIC_URL })),
  );
  app.post('/channels/:id/:kind/register-webhook', allow('admin'), validate('param', kindParam), async (c) =>
    c.json(await registerChannelWebhook(deps, c.get('viewer'), { channelId: c.req.valid('param').id, kind: c.req.valid('param').kind, publicUrl: deps.config.PUBLIC_URL })),
  );
  return app;
}
