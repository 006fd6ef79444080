// How a survey is presented by the API (the list for supervisors and reports) and the survey
// page; node-free (model types only) for src/contract. The columns are documented in docs/csat.md.
import type { CsatSurvey } from '../../db/model-types.ts';
import type { CsatActivity } from '../conversations/conversation-event-view.ts';
import type { CsatSettingsInput } from './csat-schema.ts';

export type CsatStatus = 'scheduled' | 'sent' | 'answered' | 'skipped';
export type CsatStyle = 'link' | 'reply';
export type CsatSkipReason = Extract<CsatActivity, { outcome: 'skipped' }>['reason'];

export interface CsatSurveyView {
  id: string;
  conversationId: string;
  contactId: string;
  agentId: string | null;
  teamId: string | null;
  channelKind: string;
  style: CsatStyle;
  status: CsatStatus;
  skipReason: CsatSkipReason | null;
  score: number | null;
  comment: string | null;
  resolvedAt: string;
  scheduledFor: string;
  sentAt: string | null;
  answeredAt: string | null;
}

export function toCsatSurveyView(s: CsatSurvey): CsatSurveyView {
  return {
    id: s.id,
    conversationId: s.conversationId,
    contactId: s.contactId,
    agentId: s.agentId,
    teamId: s.teamId,
    channelKind: s.channelKind,
    style: s.style as CsatStyle,
    status: s.status as CsatStatus,
    skipReason: s.skipReason as CsatSkipReason | null,
    score: s.score,
    comment: s.comment,
    resolvedAt: s.resolvedAt.toISOString(),
    scheduledFor: s.scheduledFor.toISOString(),
    sentAt: s.sentAt?.toISOString() ?? null,
    answeredAt: s.answeredAt?.toISOString() ?? null,
  };
}

/** The settings page: the settings and the channel kinds that can carry a survey. */
export interface CsatSettingsView {
  settings: CsatSettingsInput;
  kinds: { kind: string; label: string; style: CsatStyle }[];
}

/** What the public survey page shows. */
export interface CsatPageView {
  workspaceName: string;
  question: string;
}
