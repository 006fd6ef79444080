// Initials in a coloured circle; the colour is stable per name so agents recognise each other.
import { initials } from './format.ts';

const HUES = [210, 160, 280, 20, 330, 190, 45, 250, 120, 0];

function hueOf(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return HUES[h % HUES.length]!;
}

export function Avatar({ name, size = 22, title }: { name: string; size?: number; title?: string }) {
  const hue = hueOf(name);
  return (
    <span
      className="avatar"
      title={title ?? name}
      aria-label={title ?? name}
      style={{ width: size, height: size, fontSize: Math.round(size * 0.42), background: `hsl(${hue} 55% 90%)`, color: `hsl(${hue} 60% 28%)` }}
    >
      {initials(name)}
    </span>
  );
}
