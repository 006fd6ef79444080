// The job queues' dashboard for admins at /admin/queues: bull-board (@bull-board/hono) over every
// queue of the catalog, behind the same gates as the API: an allowed origin for anything that
// changes state (retry, promote, clean), then a session, then allow('admin'). Nobody else gets past
// the gate, whatever the board's own routes are.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { queueCatalog, type QueueName } from '../queues.ts';
import { resolveSession } from './auth-middleware.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { refuseCrossSite } from './cross-site.ts';
import { allowedOrigins } from './origin-policy.ts';
import { allow } from './permissions.ts';

export const QUEUE_BOARD_PATH = '/admin/queues';

export function mountQueueBoard(app: Hono<AppEnv>, deps: AppDeps): void {
  const board = new HonoAdapter(serveStatic);
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: (Object.keys(queueCatalog) as QueueName[]).map((name) => new BullMQAdapter(deps.queues.raw(name))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Parley jobs' } },
  });
  for (const path of [QUEUE_BOARD_PATH, `${QUEUE_BOARD_PATH}/*`]) {
    app.use(path, refuseCrossSite(allowedOrigins(deps.config)), resolveSession(deps), allow('admin'));
  }
  app.route(QUEUE_BOARD_PATH, board.registerPlugin() as unknown as Hono<AppEnv>);
}
