// Building blocks of the Reports page: the traffic-light badge, a headline figure, hours and
// percentages as people read them.
import type { Light } from '../api/types.ts';

export const hours = (h: number | null | undefined): string => (h === null || h === undefined ? '–' : h < 1 ? `${Math.round(h * 60)} min` : `${h.toFixed(1)} h`);
export const percent = (p: number | null | undefined): string => (p === null || p === undefined ? '–' : `${p.toFixed(1)} %`);

const LIGHT_TEXT: Record<Light, string> = { green: 'On target', amber: 'Watch', red: 'Off target' };

export function LightBadge({ light }: { light: Light | null }) {
  if (!light) return <span className="tl-badge tl-none">No data</span>;
  return (
    <span className={`tl-badge tl-${light}`} data-light={light}>
      {LIGHT_TEXT[light]}
    </span>
  );
}

export function Figure(p: { label: string; value: string; light: Light | null; hint?: string }) {
  return (
    <div className="report-figure board-card" aria-label={p.label}>
      <div className="report-figure-label">{p.label}</div>
      <div className="report-figure-value">{p.value}</div>
      <LightBadge light={p.light} />
      {p.hint && <div className="dim report-figure-hint">{p.hint}</div>}
    </div>
  );
}

export function Section(p: { title: string; children: React.ReactNode; aside?: React.ReactNode }) {
  return (
    <section className="report-section board-card" aria-label={p.title}>
      <div className="report-section-head">
        <h2 className="board-card-title">{p.title}</h2>
        {p.aside}
      </div>
      {p.children}
    </section>
  );
}
