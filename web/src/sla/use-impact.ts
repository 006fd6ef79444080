// Asks the server, a moment after the admin stops typing, what saving the form as it stands would
// do to conversations under way. A form the server would refuse has no impact to show (its
// problems appear when the admin saves).
import { useEffect, useState } from 'react';
import type { SlaImpact } from '../api/types.ts';

export type ImpactState = { state: 'idle' } | { state: 'checking' } | { state: 'ready'; impact: SlaImpact } | { state: 'unknown' };

export function useImpact(preview: ((signal: AbortSignal) => Promise<SlaImpact>) | null, key: string): ImpactState {
  const [result, setResult] = useState<ImpactState>({ state: 'idle' });
  useEffect(() => {
    if (!preview) {
      setResult({ state: 'idle' });
      return;
    }
    const abort = new AbortController();
    setResult({ state: 'checking' });
    const timer = setTimeout(() => {
      preview(abort.signal).then(
        (impact) => setResult({ state: 'ready', impact }),
        (err: unknown) => {
          if (!abort.signal.aborted) setResult({ state: 'unknown' });
          return err;
        },
      );
    }, 350);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
    // `key` stands for the form's content (the preview function is new on every render).
  }, [key]);
  return result;
}
