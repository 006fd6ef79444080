// New conversations per hour today, stacked by channel: a small hand-drawn SVG with gridlines, an
// hour axis and a legend. Hours are the workspace's (the server buckets them in its time zone).
import { useLayoutEffect, useRef, useState } from 'react';
import type { BoardToday } from '../api/types.ts';
import { channelColour, channelLabel } from '../ui/channel-icon.tsx';
import { volumeLayout } from './board-model.ts';

const H = 160;
const PAD = { top: 8, right: 4, bottom: 18, left: 26 };
const PLOT_H = H - PAD.top - PAD.bottom;

const hh = (h: number) => String(h).padStart(2, '0');

/** The element's width in CSS pixels, so the chart draws at 1:1 and its labels stay readable. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth || fallback);
    const ro = new ResizeObserver(([entry]) => entry && setWidth(Math.round(entry.contentRect.width) || fallback));
    ro.observe(el);
    return () => ro.disconnect();
  }, [fallback]);
  return { ref, width };
}

export function VolumeChart({ volume }: { volume: BoardToday['volumeByHour'] }) {
  const { ref, width: W } = useWidth(360);
  const { hours, channels, axis } = volumeLayout(volume);
  const SLOT = (W - PAD.left - PAD.right) / 24;
  const BAR = Math.max(2, SLOT * 0.7);
  const y = (v: number) => PAD.top + PLOT_H - (v / axis.max) * PLOT_H;
  const ticks = Array.from({ length: Math.floor(axis.max / axis.step) }, (_, i) => (i + 1) * axis.step);
  const busiest = hours.reduce((a, b) => (b.total > a.total ? b : a));
  const summary = `New conversations per hour today, by channel: ${channels.map((c) => `${c.total} ${channelLabel(c.channel)}`).join(', ')}. Busiest hour ${hh(busiest.hour)}:00 with ${busiest.total}.`;
  return (
    <figure className="volume" data-testid="volume-chart" ref={ref}>
      {channels.length === 0 ? (
        <p className="board-empty">No conversations yet today.</p>
      ) : (
        <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
          {ticks.map((t) => (
            <g key={t}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="grid" />
              <text x={PAD.left - 5} y={y(t) + 3.5} textAnchor="end" className="axis">
                {t}
              </text>
            </g>
          ))}
          <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="baseline" />
          {hours.map((h) => {
            const x = PAD.left + h.hour * SLOT + (SLOT - BAR) / 2;
            return (
              <g key={h.hour}>
                {h.total > 0 && <title>{`${hh(h.hour)}:00–${hh((h.hour + 1) % 24)}:00: ${h.segments.map((s) => `${s.count} ${channelLabel(s.channel)}`).join(', ')}`}</title>}
                {h.segments.map((s) => (
                  <rect key={s.channel} x={x} width={BAR} y={y(s.from + s.count)} height={Math.max(0, y(s.from) - y(s.from + s.count) - 0.5)} fill={channelColour(s.channel)} rx={1} />
                ))}
                {h.hour % 3 === 0 && (
                  <text x={PAD.left + h.hour * SLOT + SLOT / 2} y={H - 5} textAnchor="middle" className="axis">
                    {hh(h.hour)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      )}
      <figcaption className="legend">
        {channels.map((c) => (
          <span key={c.channel} className="legend-item">
            <span className="legend-swatch" style={{ background: channelColour(c.channel) }} aria-hidden="true" />
            {channelLabel(c.channel)} <b>{c.total}</b>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
