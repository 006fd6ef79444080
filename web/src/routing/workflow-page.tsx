// Admins: the routing workflow. Filters are tried top to bottom and the first that matches a new
// conversation decides its steps; the fallback takes the rest. The server checks the whole
// workflow with the schema routing uses, and each problem is shown next to its field.
import { useEffect, useState } from 'react';
import { AdminPage } from '../admin/admin-ui.tsx';
import { noProblems, problemsOf, unplacedProblems, useFocusFirstProblem, type Problems } from '../admin/field-problems.tsx';
import { errorMessage } from '../api/client.ts';
import { routingApi } from '../api/routing-endpoints.ts';
import type { Queue, Skill } from '../api/types.ts';
import { useSession } from '../state/session.tsx';
import { useToasts } from '../ui/toasts.tsx';
import { EditorOptionsContext } from './editor-options.ts';
import { FilterCard } from './filter-card.tsx';
import { draftShape, moveItem, newFilter, removeItem, replaceItem, toDraft, toWorkflowBody, type Draft } from './workflow-draft.ts';
import '../admin/editors.css';

interface Loaded {
  draft: Draft;
  version: number;
  queues: Queue[];
  skills: Skill[];
}

// Paths the editor shows next to a field; anything else is listed above the Save button.
const placed = /^(filters\.\d+|fallback)\.(name|steps|when\.\w+|steps\.\d+\.(queue|timeoutSeconds|requirement\.teamId|requirement\.skills\.\d+))(\.|$)/;

function WorkflowEditor({ loaded, onSaved }: { loaded: Loaded; onSaved(l: Loaded): void }) {
  const { teams } = useSession();
  const toasts = useToasts();
  const [draft, setDraftState] = useState(loaded.draft);
  const [problems, setProblems] = useState<Problems>(noProblems);
  useFocusFirstProblem(problems);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const setDraft = (next: Draft) => {
    if (draftShape(next) !== draftShape(draft)) setProblems(noProblems);
    setDraftState(next);
  };
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await routingApi.saveWorkflow(toWorkflowBody(draft));
      setProblems(noProblems);
      onSaved({ ...loaded, draft, version: saved.version });
      toasts.show({ tone: 'info', text: `Routing workflow saved (version ${saved.version})` });
    } catch (err) {
      setProblems(problemsOf(err));
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  const firstQueue = loaded.queues[0]?.name ?? '';
  const others = unplacedProblems(problems, (p) => placed.test(p));
  return (
    <EditorOptionsContext.Provider value={{ queues: loaded.queues, skills: loaded.skills, teams, problems }}>
      <p className="dim editor-intro">Filters are tried from the top; the first whose conditions all hold routes the conversation through its steps. Each step waits its time for an agent who qualifies, then the next step applies.</p>
      {draft.filters.map((f, i) => (
        <FilterCard
          key={f.uid}
          value={f}
          path={`filters.${i}`}
          title={`Filter ${i + 1}`}
          onChange={(next) => setDraft({ ...draft, filters: replaceItem(draft.filters, i, next) })}
          actions={{
            onUp: i > 0 ? () => setDraft({ ...draft, filters: moveItem(draft.filters, i, -1) }) : undefined,
            onDown: i < draft.filters.length - 1 ? () => setDraft({ ...draft, filters: moveItem(draft.filters, i, 1) }) : undefined,
            onRemove: () => setDraft({ ...draft, filters: removeItem(draft.filters, i) }),
          }}
        />
      ))}
      <div>
        <button type="button" className="button" onClick={() => setDraft({ ...draft, filters: [...draft.filters, newFilter(firstQueue)] })}>
          Add filter
        </button>
      </div>
      <FilterCard value={draft.fallback} path="fallback" title="Fallback (when no filter matches)" onChange={(fallback) => setDraft({ ...draft, fallback })} />
      <label className="editor-field board-card" htmlFor="last-agent-window">
        <span>Prefer the customer’s last agent for (hours)</span>
        <input id="last-agent-window" type="number" min={0} value={draft.lastAgentWindowHours} onChange={(e) => setDraft({ ...draft, lastAgentWindowHours: Number(e.target.value) })} />
      </label>
      <div className="editor-save">
        {error && (
          <div className="composer-error" role="alert">
            {problems.size > 0 ? `Not saved: ${problems.size === 1 ? 'one problem' : `${problems.size} problems`}, shown next to the fields.` : error}
            {others.length > 0 && <ul>{others.map((o) => <li key={o}>{o}</li>)}</ul>}
          </div>
        )}
        <button type="button" className="button-primary" disabled={saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save workflow'}
        </button>
      </div>
    </EditorOptionsContext.Provider>
  );
}

function WorkflowLoader() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([routingApi.workflow(), routingApi.queues(), routingApi.skills()])
      .then(([wf, queues, skills]) => setLoaded({ draft: toDraft(wf.definition), version: wf.version, queues: queues.items, skills: skills.items }))
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);
  return (
    <>
      <div className="board-header">
        <h1 className="list-title">Routing workflow</h1>
        {loaded && <span className="dim">{loaded.version === 0 ? 'default (never saved)' : `version ${loaded.version}`}</span>}
      </div>
      {error && <p className="composer-error" role="alert">{error}</p>}
      {loaded ? <WorkflowEditor loaded={loaded} onSaved={setLoaded} /> : !error && <p className="dim">Loading…</p>}
    </>
  );
}

export function WorkflowPage({ onHelp }: { onHelp(): void }) {
  return (
    <AdminPage active="routing" testId="routing-page" denied="Only admins can change routing." onHelp={onHelp}>
      <WorkflowLoader />
    </AdminPage>
  );
}
