// Satisfaction surveys:
// GET|PUT /api/settings/csat: the workspace's survey settings (admins).
// GET /api/csat-surveys: the surveys, for supervisors and reports (docs/csat.md).
// GET|POST /api/csat/:token: the survey page's question and the customer's answer (no login; the
// page itself is the web app's public route /csat/<token>). Rate-limited per address.
import { Hono } from 'hono';
import { z } from 'zod';
import { answerCsatLink, readCsatLink } from '../../domain/csat/answer-csat-link.ts';
import { getCsatSettings, saveCsatSettings } from '../../domain/csat/csat-settings.ts';
import { listCsatSurveys } from '../../domain/csat/list-csat-surveys.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { rateLimit } from '../rate-limit.ts';
import { csatAnswerBody, csatSettingsBody, csatSurveysQuery } from '../schemas/csat.ts';
import { validate } from '../validate.ts';

const tokenParam = z.object({ token: z.string().min(20).max(200) });

export function csatRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const limit = rateLimit(deps, { name: 'csat-link', rule: { burst: 20, perMinute: 20 } });
  app.get('/settings/csat', allow('admin'), async (c) => c.json(await getCsatSettings(deps, c.get('viewer'))));
  app.put('/settings/csat', allow('admin'), validate('json', csatSettingsBody), async (c) => c.json(await saveCsatSettings(deps, c.get('viewer'), c.req.valid('json'))));
  app.get('/csat-surveys', allow('supervisor'), validate('query', csatSurveysQuery), async (c) => c.json(await listCsatSurveys(deps.db, c.get('viewer'), c.req.valid('query'))));
  app.get('/csat/:token', allow('public'), limit, validate('param', tokenParam), async (c) => c.json(await readCsatLink(deps, c.req.valid('param').token)));
  app.post('/csat/:token', allow('public'), limit, validate('param', tokenParam), validate('json', csatAnswerBody), async (c) =>
    c.json(await answerCsatLink(deps, c.req.valid('param').token, c.req.valid('json'))),
  );
  return app;
}
