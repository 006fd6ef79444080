// The report settings as GET / PUT /api/reports/settings answer them. Node-free (src/contract).
import type { Thresholds } from './thresholds.ts';

export interface ReportSettingsView {
  thresholds: Thresholds;
  complaintTags: string[];
  complaintPolicyIds: string[];
}
