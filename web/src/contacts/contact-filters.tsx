// The contacts list's filter bar (search, stage, tier, tag, one attribute's value, owner, company, channel,
// last contact between two dates) and its saved views: pick one to apply its filters, save the
// current filters under a name (for oneself or shared with the workspace), delete one's own.
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage } from '../api/client.ts';
import { contactApi } from '../api/contact-endpoints.ts';
import type { ContactFilters, Organisation, SavedContactView } from '../api/types.ts';
import { channelKinds } from '../channels/channel-kinds.ts';
import { useSession } from '../state/session.tsx';
import { useToasts } from '../ui/toasts.tsx';
import type { ContactSettings } from './use-contact-settings.ts';

type Key = keyof ContactFilters;

interface FilterProps {
  filters: ContactFilters;
  settings: ContactSettings;
  onChange(next: ContactFilters): void;
}

/** A filter's caption above its control; the control names itself with `aria-label` (a label around a select would take in its options' text). */
const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <label>
    <span aria-hidden="true">{label}</span>
    {children}
  </label>
);

export function ContactFilterBar({ filters, settings, onChange }: FilterProps) {
  const { agents } = useSession();
  const [companies, setCompanies] = useState<Organisation[]>([]);
  useEffect(() => {
    contactApi.organisations().then((r) => setCompanies(r.items), () => undefined);
  }, []);
  const set = (key: Key, value: string) => {
    const next = { ...filters, [key]: value || undefined };
    if (key === 'attrKey' && !value) delete next.attrValue;
    onChange(next);
  };
  const text = (key: Key, label: string, placeholder: string) => (
    <Field label={label}>
      <input aria-label={label} type="search" value={filters[key] ?? ''} placeholder={placeholder} onChange={(e) => set(key, e.target.value)} />
    </Field>
  );
  const attr = settings.attributes.find((a) => a.key === filters.attrKey);
  return (
    <form className="contact-filters board-card" aria-label="Filter contacts" onSubmit={(e) => e.preventDefault()}>
      {text('q', 'Search', 'Name, email, phone, address')}
      <Field label="Stage">
        <select aria-label="Stage" value={filters.stage ?? ''} onChange={(e) => set('stage', e.target.value)}>
          <option value="">Any stage</option>
          <option value="none">No stage</option>
          {settings.stages.map((s) => (
            <option key={s.id} value={s.name}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      {text('tier', 'Tier', 'e.g. gold')}
      {text('tag', 'Tag', 'e.g. vip')}
      <Field label="Attribute">
        <select aria-label="Attribute" value={filters.attrKey ?? ''} onChange={(e) => set('attrKey', e.target.value)}>
          <option value="">Any attribute</option>
          {settings.attributes.map((a) => (
            <option key={a.key} value={a.key}>
              {a.label}
            </option>
          ))}
        </select>
      </Field>
      {attr && (
        <Field label={`${attr.label} is`}>
          {attr.type === 'choice' ? (
            <select aria-label="Attribute value" value={filters.attrValue ?? ''} onChange={(e) => onChange({ ...filters, attrValue: e.target.value })}>
              <option value="">—</option>
              {attr.options.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          ) : (
            <input aria-label="Attribute value" type={attr.type === 'number' ? 'number' : attr.type === 'date' ? 'date' : 'text'} value={filters.attrValue ?? ''} onChange={(e) => onChange({ ...filters, attrValue: e.target.value })} />
          )}
        </Field>
      )}
      <Field label="Owner">
        <select aria-label="Owner" value={filters.ownerId ?? ''} onChange={(e) => set('ownerId', e.target.value)}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="none">No owner</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Company">
        <select aria-label="Company" value={filters.organisationId ?? ''} onChange={(e) => set('organisationId', e.target.value)}>
          <option value="">Any company</option>
          {filters.organisationId && !companies.some((o) => o.id === filters.organisationId) && <option value={filters.organisationId}>This company</option>}
          {companies.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Channel">
        <select aria-label="Channel" value={filters.channel ?? ''} onChange={(e) => set('channel', e.target.value)}>
          <option value="">Any channel</option>
          {channelKinds().map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.shortLabel}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Last contact from">
        <input aria-label="Last contact from" type="date" value={filters.lastContactFrom ?? ''} onChange={(e) => set('lastContactFrom', e.target.value)} />
      </Field>
      <Field label="Last contact to">
        <input aria-label="Last contact to" type="date" value={filters.lastContactTo ?? ''} onChange={(e) => set('lastContactTo', e.target.value)} />
      </Field>
    </form>
  );
}

interface ViewsProps {
  views: SavedContactView[];
  activeId: string | null;
  filters: ContactFilters;
  onPick(view: SavedContactView | null): void;
  onSaved(view: SavedContactView): void;
  onDeleted(id: string): void;
}

export function SavedViews({ views, activeId, filters, onPick, onSaved, onDeleted }: ViewsProps) {
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [saving, setSaving] = useState(false);
  const toasts = useToasts();
  const active = views.find((v) => v.id === activeId) ?? null;
  const save = async () => {
    setSaving(true);
    try {
      onSaved(await contactApi.createView({ name: name.trim(), shared, filters }));
      setName('');
      toasts.show({ tone: 'info', text: `View “${name.trim()}” saved` });
    } catch (err) {
      toasts.error(`Could not save the view: ${errorMessage(err)}`);
    }
    setSaving(false);
  };
  const remove = async (v: SavedContactView) => {
    if (!window.confirm(`Delete the view “${v.name}”?`)) return;
    try {
      await contactApi.deleteView(v.id);
      onDeleted(v.id);
    } catch (err) {
      toasts.error(`Could not delete the view: ${errorMessage(err)}`);
    }
  };
  return (
    <div className="board-card contact-views-card">
      <div className="contact-views" role="group" aria-label="Saved views">
        <button type="button" className="view-chip" aria-pressed={activeId === null} onClick={() => onPick(null)}>
          All contacts
        </button>
        {views.map((v) => (
          <button key={v.id} type="button" className="view-chip" aria-pressed={v.id === activeId} title={v.shared ? 'Shared with the workspace' : 'Only you see it'} onClick={() => onPick(v)}>
            {v.name}
            {v.shared ? ' · shared' : ''}
          </button>
        ))}
        {active?.mine && (
          <button type="button" className="button-quiet small" onClick={() => void remove(active)}>
            Delete view
          </button>
        )}
      </div>
      <form
        className="save-view"
        aria-label="Save these filters as a view"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void save();
        }}
      >
        <input type="text" aria-label="View name" placeholder="Name these filters…" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        <label>
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> Share with the workspace
        </label>
        <button type="submit" className="button" disabled={saving || !name.trim()}>
          Save view
        </button>
      </form>
    </div>
  );
}
