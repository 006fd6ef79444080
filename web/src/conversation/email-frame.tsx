// Email HTML in a sandboxed srcdoc frame: no scripts can run in it (no allow-scripts), links open
// in a new tab, and its height follows its content so the timeline scrolls as one page.
import { useCallback, useEffect, useRef, useState } from 'react';

export function EmailFrame({ srcdoc, title }: { srcdoc: string; title: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(48);
  const observer = useRef<ResizeObserver | null>(null);

  const measure = useCallback(() => {
    const doc = ref.current?.contentDocument;
    if (!doc?.documentElement) return;
    setHeight(Math.min(Math.max(doc.documentElement.scrollHeight, 24), 20_000));
  }, []);

  const onLoad = useCallback(() => {
    measure();
    const doc = ref.current?.contentDocument;
    observer.current?.disconnect();
    if (!doc?.body) return;
    // Same-origin (allow-same-origin, never with allow-scripts) so the page can measure the frame.
    observer.current = new ResizeObserver(measure);
    observer.current.observe(doc.body);
    for (const img of Array.from(doc.images)) img.addEventListener('load', measure);
  }, [measure]);

  useEffect(() => () => observer.current?.disconnect(), []);

  return (
    <iframe
      ref={ref}
      className="email-frame"
      title={title}
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      srcDoc={srcdoc}
      style={{ height }}
      onLoad={onLoad}
      data-testid="email-frame"
    />
  );
}
