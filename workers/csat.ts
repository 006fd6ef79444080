// CSAT processor: a scheduled satisfaction survey's time has come.
import type { Job } from 'bullmq';
import type { Deps } from '../src/deps.ts';
import { sendCsatSurvey } from '../src/domain/csat/send-csat-survey.ts';
import { queueCatalog } from '../src/queues.ts';

export function csatProcessor(deps: Deps) {
  return async (job: Job) => sendCsatSurvey(deps, queueCatalog.csat.payload.parse(job.data).surveyId);
}
