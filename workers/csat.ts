// CSAT processor: a scheduled satisfaction survey's time has come.
import type { Job } from 'bullmq';
import type { Deps } from '../src/deps.ts';
import { sendCsatSurvey } from '../src/domain/csat/send-csat-survey.ts';
import { queueCatalog } from '../src/queues.ts';

export function csatProcessor(deps: Deps, opts: { publicUrl: string }) {
  return async (job: Job) => sendCsatSurvey(deps, { surveyId: queueCatalog.csat.payload.parse(job.data).surveyId, publicUrl: opts.publicUrl });
}
