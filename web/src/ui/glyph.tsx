// Small line drawings for the shell: navigation entries (their only visible label when the nav is
// a rail of icons), menu, back and close. Decorative: the control around one carries its name.

const PATHS = {
  mine: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M4 21c0-4 3.6-6 8-6s8 2 8 6',
  unassigned: 'M4 13l2.5-8h11L20 13 M4 13v6h16v-6 M4 13h4.5l1 2.5h5l1-2.5H20',
  all: 'M4 7h16 M4 12h16 M4 17h16',
  team: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z M2.5 20c0-3.5 2.9-5.5 6.5-5.5s6.5 2 6.5 5.5 M16 4.5a3.5 3.5 0 0 1 0 6.5 M18.5 14.8c1.9.7 3 2.4 3 5.2',
  supervisor: 'M4 20V10 M10 20V4 M16 20v-7 M22 20H2',
  canned: 'M4 5h16v11H9l-5 4z M8 9h8 M8 12h5',
  channels: 'M9 3v5 M15 3v5 M6.5 8h11v3a5.5 5.5 0 0 1-11 0z M12 16.5V21',
  help: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7 M12 17h.01',
  bell: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4z M10 21h4',
  menu: 'M4 6h16 M4 12h16 M4 18h16',
  back: 'M15 5l-7 7 7 7',
  close: 'M6 6l12 12 M18 6L6 18',
  customer: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M4 21c0-4 3.6-6 8-6s8 2 8 6',
  page: 'M6 3h9l4 4v14H6z M14 3v5h5',
  inbound: 'M17 7L7 17 M7 9v8h8',
  outbound: 'M7 17L17 7 M9 7h8v8',
  note: 'M5 4h14v16H5z M9 9h6 M9 13h6',
  tasks: 'M4 6l2 2 3-3 M12 7h8 M4 13l2 2 3-3 M12 14h8 M12 20h8 M4 20h4',
  macro: 'M13 3L5 13h6l-1 8 8-10h-6z',
  company: 'M4 21V4h10v17 M14 9h6v12 M2 21h20 M7 8h4 M7 12h4 M7 16h4 M17 13h1 M17 17h1',
} as const;

export type GlyphName = keyof typeof PATHS;

export function Glyph({ name, size = 18 }: { name: GlyphName; size?: number }) {
  return (
    <svg className="glyph" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
