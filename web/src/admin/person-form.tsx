// Changing a person: name, role, teams, skills with levels (1-10), capacity and languages. Sent
// whole; the server records what changed and names a bad field.
import { useState, type FormEvent } from 'react';
import { accountApi } from '../api/account-endpoints.ts';
import { errorMessage } from '../api/client.ts';
import type { Person, Role, Team } from '../api/types.ts';
import { FormFooter } from './admin-ui.tsx';
import { CheckList } from './check-list.tsx';
import { RoleSelect } from './invite-form.tsx';

type SkillDraft = { key: number; skill: string; level: string };

let nextKey = 1;
const draftOf = (s: { skill: string; level: number }): SkillDraft => ({ key: nextKey++, skill: s.skill, level: String(s.level) });

function SkillRows({ skills, onChange }: { skills: SkillDraft[]; onChange(s: SkillDraft[]): void }) {
  const set = (key: number, patch: Partial<SkillDraft>) => onChange(skills.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  return (
    <fieldset>
      <legend>
        Skills <span className="field-hint">(level 1-10; routing steps can ask for a minimum level)</span>
      </legend>
      <div className="skill-rows">
        {skills.map((s, i) => (
          <div className="skill-row" key={s.key}>
            <input className="skill-name" aria-label={`Skill ${i + 1}`} value={s.skill} maxLength={60} placeholder="e.g. billing" onChange={(e) => set(s.key, { skill: e.target.value })} />
            <input className="skill-level" aria-label={`Level of skill ${i + 1}`} type="number" min={1} max={10} value={s.level} onChange={(e) => set(s.key, { level: e.target.value })} />
            <button type="button" className="button-quiet" aria-label={`Remove skill ${i + 1}`} onClick={() => onChange(skills.filter((x) => x.key !== s.key))}>
              Remove
            </button>
          </div>
        ))}
        <div>
          <button type="button" className="button" onClick={() => onChange([...skills, draftOf({ skill: '', level: 1 })])}>
            Add skill
          </button>
        </div>
      </div>
    </fieldset>
  );
}

export function PersonForm({ person, teams, onSaved, onCancel }: { person: Person; teams: Team[]; onSaved(p: Person): void; onCancel(): void }) {
  const [name, setName] = useState(person.name);
  const [role, setRole] = useState<Role>(person.role);
  const [teamIds, setTeamIds] = useState(person.teamIds);
  const [skills, setSkills] = useState(() => person.skills.map(draftOf));
  const [capacity, setCapacity] = useState(String(person.capacity));
  const [languages, setLanguages] = useState(person.languages.join(', '));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Archived teams only where the person still is in one.
  const offered = teams.filter((t) => !t.archivedAt || person.teamIds.includes(t.id));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = {
        name,
        role,
        teamIds,
        skills: skills.filter((s) => s.skill.trim()).map((s) => ({ skill: s.skill.trim(), level: Number(s.level) })),
        capacity: Number(capacity),
        languages: languages.split(',').map((l) => l.trim()).filter(Boolean),
      };
      onSaved(await accountApi.updatePerson(person.id, body));
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  return (
    <form className="stack-form board-card" aria-label={`Change ${person.name}`} onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">Change {person.name}</h2>
      <div className="field-row">
        <label className="stack-field">
          Name
          <input value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="stack-field">
          <span>
            Capacity <span className="field-hint">(units; by default an email costs 10, a chat 25, a call 100)</span>
          </span>
          <input type="number" min={0} max={10000} value={capacity} onChange={(e) => setCapacity(e.target.value)} />
        </label>
      </div>
      <RoleSelect value={role} onChange={setRole} />
      <CheckList legend="Teams" items={offered} label={(t) => (t.archivedAt ? `${t.name} (archived)` : t.name)} checked={teamIds} onChange={setTeamIds} empty="No teams yet." />
      <SkillRows skills={skills} onChange={setSkills} />
      <label className="stack-field">
        <span>
          Languages <span className="field-hint">(comma-separated, e.g. en, de, pt-BR)</span>
        </span>
        <input value={languages} maxLength={200} onChange={(e) => setLanguages(e.target.value)} />
      </label>
      <FormFooter error={error} saving={saving} canSubmit={!!name.trim()} submitLabel="Save changes" onCancel={onCancel} />
    </form>
  );
}
