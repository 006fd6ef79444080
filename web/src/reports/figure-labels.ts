// What each traffic-lit figure is called on the page (the server's keys, src/domain/reports/thresholds.ts).
import type { FigureKey } from '../api/types.ts';

export const FIGURE_LABELS: Record<FigureKey, string> = {
  firstResponseMedianHours: 'First response, median (business h)',
  firstResponseP90Hours: 'First response, p90 (business h)',
  nextResponseMedianHours: 'Next response, median (business h)',
  resolutionMedianHours: 'Resolution, median (business h)',
  resolutionP90Hours: 'Resolution, p90 (business h)',
  slaAttainment: 'SLA attainment (%)',
  repeatContactRate: 'Repeat contacts (%)',
  complaintFirstResponseMedianHours: 'Complaints, first response median (business h)',
  csatSatisfied: 'CSAT satisfied (%)',
  utilisation: 'Agent utilisation (%)',
};
