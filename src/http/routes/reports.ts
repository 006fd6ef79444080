// /api/reports: supervisors and admins read the figures of a range; admins change the report
// settings (traffic-light thresholds, what counts as a complaint).
import { Hono } from 'hono';
import { buildReport } from '../../domain/reports/build-report.ts';
import { getReportSettings, saveReportSettings } from '../../domain/reports/report-settings.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { reportQuery, reportSettingsBody } from '../schemas/reports.ts';
import { validate } from '../validate.ts';

export function reportRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/reports', allow('supervisor'), validate('query', reportQuery), async (c) => c.json(await buildReport(deps.db, c.get('viewer'), c.req.valid('query'), deps.clock.now())));
  app.get('/reports/settings', allow('supervisor'), async (c) => c.json(await getReportSettings(deps.db, c.get('viewer'))));
  app.put('/reports/settings', allow('admin'), validate('json', reportSettingsBody), async (c) => c.json(await saveReportSettings(deps.db, c.get('viewer'), c.req.valid('json'))));
  return app;
}
