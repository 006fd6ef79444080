// Traffic-light thresholds for the report's headline figures: green, amber or red. Each figure is
// either better low (response times, repeat contacts) or better high (SLA attainment, CSAT,
// utilisation); a workspace's admins change the bounds (ReportSettings.thresholds), the rest keep
// these defaults. Node-free (src/contract) and pure.
import { z } from 'zod';

export type Light = 'green' | 'amber' | 'red';

export const figures = {
  firstResponseMedianHours: { better: 'low', green: 1, amber: 4, label: 'First response, median (business hours)' },
  firstResponseP90Hours: { better: 'low', green: 4, amber: 8, label: 'First response, p90 (business hours)' },
  nextResponseMedianHours: { better: 'low', green: 1, amber: 4, label: 'Next response, median (business hours)' },
  resolutionMedianHours: { better: 'low', green: 24, amber: 48, label: 'Resolution, median (business hours)' },
  resolutionP90Hours: { better: 'low', green: 72, amber: 120, label: 'Resolution, p90 (business hours)' },
  slaAttainment: { better: 'high', green: 95, amber: 85, label: 'SLA attainment (%)' },
  repeatContactRate: { better: 'low', green: 10, amber: 20, label: 'Repeat contacts (%)' },
  complaintFirstResponseMedianHours: { better: 'low', green: 1, amber: 4, label: 'Complaints, first response median (business hours)' },
  csatSatisfied: { better: 'high', green: 85, amber: 70, label: 'CSAT, satisfied (%)' },
  utilisation: { better: 'high', green: 70, amber: 50, label: 'Agent utilisation (%)' },
} as const satisfies Record<string, { better: 'low' | 'high'; green: number; amber: number; label: string }>;

export type FigureKey = keyof typeof figures;
export const figureKeys = Object.keys(figures) as FigureKey[];

export interface Bounds {
  green: number;
  amber: number;
}
export type Thresholds = Record<FigureKey, Bounds>;

export const defaultThresholds: Thresholds = Object.fromEntries(figureKeys.map((k) => [k, { green: figures[k].green, amber: figures[k].amber }])) as Thresholds;

const boundsSchema = z.strictObject({ green: z.number().finite().min(0), amber: z.number().finite().min(0) });

/** What an admin sends: any of the figures, each with both bounds in the figure's order. */
export const thresholdsInputSchema = z
  .strictObject(Object.fromEntries(figureKeys.map((k) => [k, boundsSchema.optional()])) as Record<FigureKey, z.ZodOptional<typeof boundsSchema>>)
  .superRefine((input, ctx) => {
    for (const key of figureKeys) {
      const b = input[key];
      if (!b) continue;
      const ordered = figures[key].better === 'low' ? b.green <= b.amber : b.green >= b.amber;
      if (!ordered) {
        const rule = figures[key].better === 'low' ? 'at most' : 'at least';
        ctx.addIssue({ code: 'custom', path: [key, 'green'], message: `green must be ${rule} amber (${figures[key].better}er is better)` });
      }
    }
  });
export type ThresholdsInput = z.infer<typeof thresholdsInputSchema>;

/** Stored thresholds over the defaults; a stored value that no longer parses is ignored. */
export function mergeThresholds(stored: unknown): Thresholds {
  const parsed = thresholdsInputSchema.safeParse(stored);
  const given = parsed.success ? parsed.data : {};
  return Object.fromEntries(figureKeys.map((k) => [k, given[k] ?? defaultThresholds[k]])) as Thresholds;
}

export function lightOf(key: FigureKey, value: number | null, thresholds: Thresholds): Light | null {
  if (value === null || !Number.isFinite(value)) return null;
  const { green, amber } = thresholds[key];
  if (figures[key].better === 'low') return value <= green ? 'green' : value <= amber ? 'amber' : 'red';
  return value >= green ? 'green' : value >= amber ? 'amber' : 'red';
}
