// What GET /api/reports answers. Node-free (src/contract): plain types only.
import type { FigureKey, Light, Thresholds } from './thresholds.ts';

export type Bucket = 'day' | 'week';
export type ResponseMetric = 'first_response' | 'next_response' | 'resolution';

/** Median and 90th percentile of a set of durations, in hours (null: no durations). */
export interface Percentiles {
  median: number | null;
  p90: number | null;
}

export interface DurationStats {
  count: number;
  calendarHours: Percentiles;
  /** Counted only while the report's business calendar is open. */
  businessHours: Percentiles;
}

export type ResponseTimes = Record<ResponseMetric, DurationStats>;

/** One value of a dimension (a channel, a queue ...) with its count per bucket, in `buckets` order. */
export interface VolumeSeries {
  key: string | null;
  label: string;
  total: number;
  counts: number[];
}

export type VolumeDimension = 'channel' | 'queue' | 'team' | 'tag' | 'lifecycle';

export interface VolumeReport {
  /** Each bucket's first local date (YYYY-MM-DD; weeks start on Monday). */
  buckets: string[];
  total: number;
  /** New conversations per bucket. */
  counts: number[];
  byDimension: Record<VolumeDimension, VolumeSeries[]>;
}

export interface SlaAttainmentRow {
  policyId: string;
  policyName: string;
  metric: ResponseMetric;
  met: number;
  breached: number;
  /** Still running or paused. */
  open: number;
  /** Percent of the finished clocks that were met (null: none finished). */
  attainment: number | null;
}

export interface RepeatContactReport {
  days: number;
  resolved: number;
  returned: number;
  /** Percent of resolved conversations whose contact came back within `days` (null: none resolved). */
  rate: number | null;
}

export interface ComplaintItem {
  id: string;
  number: number;
  subject: string | null;
  status: string;
  createdAt: Date;
  firstResponseHours: number | null;
  resolutionHours: number | null;
}

export interface ComplaintReport {
  tags: string[];
  policyIds: string[];
  count: number;
  responseTimes: ResponseTimes;
  /** The newest ones (up to 20). */
  items: ComplaintItem[];
}

export interface CsatRow {
  key: string | null;
  label: string;
  sent: number;
  answered: number;
  /** Mean score 1-5 (null: no answers). */
  averageScore: number | null;
  /** Percent of answers scoring 4 or 5. */
  satisfied: number | null;
}

export interface CsatReport {
  overall: CsatRow;
  byAgent: CsatRow[];
  byTeam: CsatRow[];
  byChannel: CsatRow[];
}

export interface AgentPerformanceRow {
  agentId: string;
  name: string;
  /** Conversations of the range assigned to them and resolved. */
  handled: number;
  assigned: number;
  firstResponse: DurationStats;
  resolution: DurationStats;
  csat: CsatRow | null;
  onlineHours: number;
  /** Percent of their online time with at least one unresolved conversation assigned to them. */
  utilisation: number | null;
}

export interface ReportView {
  range: { from: string; to: string; timeZone: string; bucket: Bucket; startsAt: Date; endsAt: Date };
  calendar: { id: string | null; name: string; timeZone: string };
  volume: VolumeReport;
  responseTimes: ResponseTimes;
  sla: SlaAttainmentRow[];
  repeatContact: RepeatContactReport;
  complaints: ComplaintReport;
  csat: CsatReport;
  agents: AgentPerformanceRow[];
  thresholds: Thresholds;
  /** The headline figures the lights judge (null: nothing to measure in the range). */
  headline: Record<FigureKey, number | null>;
  /** The traffic light of each headline figure (null: no value to judge). */
  lights: Record<FigureKey, Light | null>;
}
