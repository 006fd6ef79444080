// The page a survey link opens (/csat/<token>), for the customer, without logging in: the
// workspace's question, 1-5 as faces, an optional comment. It works once; a used or expired link
// says so.
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.ts';
import { csatApi } from '../api/csat-endpoints.ts';
import type { CsatPage } from '../api/types.ts';
import './public.css';
import './csat.css';

type Load = { state: 'loading' } | { state: 'ready'; page: CsatPage } | { state: 'gone'; message: string } | { state: 'thanks'; workspaceName: string };

const SCALE: [number, string][] = [
  [1, 'Very poor'],
  [2, 'Poor'],
  [3, 'OK'],
  [4, 'Good'],
  [5, 'Excellent'],
];

/** A face from frowning (1) to smiling (5), drawn (emoji fonts differ from one device to the next). */
function Face({ score }: { score: number }) {
  const curve = 15 + (score - 3) * 2.2;
  return (
    <svg className="csat-face" viewBox="0 0 24 24" width="30" height="30" aria-hidden="true" data-score={score}>
      <circle cx="12" cy="12" r="10" />
      <circle className="csat-eye" cx="8.5" cy="9.5" r="1.2" />
      <circle className="csat-eye" cx="15.5" cy="9.5" r="1.2" />
      <path d={`M7.5 15.5 Q12 ${curve + 0.5} 16.5 15.5`} />
    </svg>
  );
}

function SurveyForm({ page, token, onDone }: { page: CsatPage; token: string; onDone(workspaceName: string): void }) {
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (score === null) return setError('Choose a rating from 1 to 5');
    setBusy(true);
    setError(null);
    try {
      const done = await csatApi.answer(token, { score, ...(comment.trim() ? { comment } : {}) });
      onDone(done.workspaceName);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <form className="login-card" aria-label="Rate your conversation" onSubmit={(e) => void submit(e)}>
      <div className="brand login-brand">{page.workspaceName}</div>
      <h1>{page.question}</h1>
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      <fieldset className="csat-scale">
        <legend>Your rating</legend>
        {SCALE.map(([n, label]) => (
          <label key={n} className="csat-choice">
            <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} aria-label={`${n}: ${label}`} />
            <span>
              <Face score={n} />
              <small>
                {n} · {label}
              </small>
            </span>
          </label>
        ))}
      </fieldset>
      <label>
        Anything you would like to add? <span className="field-hint">(optional)</span>
        <textarea name="comment" maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <button type="submit" className="button-primary login-submit" disabled={busy}>
        {busy ? 'Sending…' : 'Send my rating'}
      </button>
    </form>
  );
}

export function CsatSurveyPage({ token }: { token: string }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    csatApi.page(token).then(
      (page) => live && setLoad({ state: 'ready', page }),
      (err: unknown) => live && setLoad({ state: 'gone', message: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [token]);
  return (
    <main className="login csat-page" data-testid="csat-survey-page">
      {load.state === 'ready' ? (
        <SurveyForm page={load.page} token={token} onDone={(workspaceName) => setLoad({ state: 'thanks', workspaceName })} />
      ) : (
        <div className="login-card" role={load.state === 'loading' ? 'status' : undefined}>
          {load.state === 'loading' && <p className="public-lead">Loading…</p>}
          {load.state === 'gone' && (
            <>
              <h1>Survey closed</h1>
              <p className="public-lead">{load.message}</p>
            </>
          )}
          {load.state === 'thanks' && (
            <>
              <div className="brand login-brand">{load.workspaceName}</div>
              <h1>Thank you!</h1>
              <p className="public-lead">Your rating was sent to {load.workspaceName}. You can close this page.</p>
            </>
          )}
        </div>
      )}
    </main>
  );
}
