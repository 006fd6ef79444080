// A button with a small popover; closes on outside click and Esc.
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  label: ReactNode;
  title?: string;
  className?: string;
  align?: 'left' | 'right';
  children(close: () => void): ReactNode;
}

export function Menu({ label, title, className, align = 'left', children }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        setOpen(false);
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button type="button" className={className ?? 'button'} title={title} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        {label}
      </button>
      {open && (
        <div className={`menu-pop menu-${align}`} role="menu">
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}

export function MenuItem({ onSelect, children, disabled, checked }: { onSelect(): void; children: ReactNode; disabled?: boolean; checked?: boolean }) {
  return (
    <button type="button" role="menuitem" className="menu-item" disabled={disabled} aria-checked={checked} onClick={onSelect}>
      <span className="menu-check">{checked ? '✓' : ''}</span>
      {children}
    </button>
  );
}
