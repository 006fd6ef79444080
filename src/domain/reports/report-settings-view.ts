// The report settings as GET / PUT /api/reports/settings answer them. Node-free (src/contract).
import type { Thresholds } from './thresholds.ts';

export interface ReportSettingsView {
  /** The workspace's time zone, which report dates are in. */
  timeZone: string;
  thresholds: Thresholds;
  complaintTags: string[];
  complaintPolicyIds: string[];
}
