// Streamed exports for supervisors and admins (docs/exports.md):
// GET /api/exports/contacts.csv|.json and /api/exports/conversations.csv|.json
// (?from=&to=&status=&include=messages; the .json ones take ?format=ndjson), and
// /api/exports/report.csv|.json (GET /api/reports' query): the report, one row per figure.
import { Hono, type Context } from 'hono';
import type { ExportDownload } from '../../domain/exports/start-export.ts';
import { exportContacts } from '../../domain/exports/export-contacts.ts';
import { exportConversations } from '../../domain/exports/export-conversations.ts';
import { exportReport } from '../../domain/exports/export-report.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { contactCsvExportQuery, contactJsonExportQuery, conversationCsvExportQuery, conversationJsonExportQuery, reportCsvExportQuery, reportJsonExportQuery } from '../schemas/exports.ts';
import { validate } from '../validate.ts';

function download(c: Context<AppEnv>, d: ExportDownload) {
  return c.body(d.stream, 200, {
    'content-type': d.contentType,
    'content-disposition': `attachment; filename="${d.filename}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
}

export function exportRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/exports/contacts.csv', allow('supervisor'), validate('query', contactCsvExportQuery), async (c) =>
    download(c, await exportContacts(deps, c.get('viewer'), { ...c.req.valid('query'), format: 'csv' })),
  );
  app.get('/exports/contacts.json', allow('supervisor'), validate('query', contactJsonExportQuery), async (c) =>
    download(c, await exportContacts(deps, c.get('viewer'), c.req.valid('query'))),
  );
  app.get('/exports/conversations.csv', allow('supervisor'), validate('query', conversationCsvExportQuery), async (c) => {
    const { status, include, ...q } = c.req.valid('query');
    return download(c, await exportConversations(deps, c.get('viewer'), { ...q, statuses: status, includeMessages: include === 'messages', format: 'csv' }));
  });
  app.get('/exports/conversations.json', allow('supervisor'), validate('query', conversationJsonExportQuery), async (c) => {
    const { status, include, ...q } = c.req.valid('query');
    return download(c, await exportConversations(deps, c.get('viewer'), { ...q, statuses: status, includeMessages: include === 'messages' }));
  });
  app.get('/exports/report.csv', allow('supervisor'), validate('query', reportCsvExportQuery), async (c) =>
    download(c, await exportReport(deps, c.get('viewer'), { ...c.req.valid('query'), format: 'csv' })),
  );
  app.get('/exports/report.json', allow('supervisor'), validate('query', reportJsonExportQuery), async (c) =>
    download(c, await exportReport(deps, c.get('viewer'), c.req.valid('query'))),
  );
  return app;
}
