// Small hand-written SVG charts for the Reports page: bars for a count per bucket, lines for a few
// series over the same buckets. Scaled to their box; each mark has a <title> for its value.
const W = 640;
const H = 180;
const PAD = { left: 36, right: 8, top: 10, bottom: 28 };
export const SERIES_COLOURS = ['#3b6fd8', '#e08a1e', '#2f9e6a', '#c2456b', '#7a5bc7', '#6b7785'];

function niceMax(max: number): number {
  if (max <= 5) return Math.max(1, max);
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

/** Shortens "2026-11-23" to "23 Nov" for the axis. */
export function shortDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

function Axes({ labels, max }: { labels: string[]; max: number }) {
  const every = Math.max(1, Math.ceil(labels.length / 10));
  const innerW = W - PAD.left - PAD.right;
  return (
    <g className="chart-axes">
      {[0, 0.5, 1].map((f) => {
        const y = PAD.top + (H - PAD.top - PAD.bottom) * (1 - f);
        return (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} className="chart-grid" />
            <text x={PAD.left - 4} y={y + 4} textAnchor="end">
              {Math.round(max * f)}
            </text>
          </g>
        );
      })}
      {labels.map((l, i) =>
        i % every === 0 ? (
          <text key={l} x={PAD.left + (innerW / labels.length) * (i + 0.5)} y={H - 8} textAnchor="middle">
            {shortDate(l)}
          </text>
        ) : null,
      )}
    </g>
  );
}

export function BarChart({ labels, values, title }: { labels: string[]; values: number[]; title: string }) {
  const max = niceMax(Math.max(0, ...values));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, labels.length);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
      <Axes labels={labels} max={max} />
      {values.map((v, i) => {
        const h = (v / max) * innerH;
        return (
          <rect key={labels[i]} className="chart-bar" x={PAD.left + slot * i + slot * 0.15} width={slot * 0.7} y={PAD.top + innerH - h} height={h}>
            <title>{`${shortDate(labels[i]!)}: ${v}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

export function LineChart({ labels, series, title }: { labels: string[]; series: { label: string; counts: number[] }[]; title: string }) {
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.counts)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (innerW / Math.max(1, labels.length)) * (i + 0.5);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  return (
    <figure className="chart-figure">
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <Axes labels={labels} max={max} />
        {series.map((s, n) => (
          <polyline key={s.label} fill="none" stroke={SERIES_COLOURS[n % SERIES_COLOURS.length]} strokeWidth={2} points={s.counts.map((v, i) => `${x(i)},${y(v)}`).join(' ')}>
            <title>{s.label}</title>
          </polyline>
        ))}
      </svg>
      <figcaption className="chart-legend">
        {series.map((s, n) => (
          <span key={s.label}>
            <i style={{ background: SERIES_COLOURS[n % SERIES_COLOURS.length] }} /> {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
