// What we know about a contact beyond who they are: lifecycle stage (the workspace's list), tier,
// tags, company (pick one, create one, or take the one their email domain suggests) and owner.
// Shared by the customer panel and the contact page.
import { useEffect, useState } from 'react';
import { contactApi } from '../api/contact-endpoints.ts';
import type { ContactDetail, ContactPatchBody, LifecycleStage, Organisation } from '../api/types.ts';
import { navigate } from '../router.ts';
import { useSession } from '../state/session.tsx';
import { TagEditor } from '../ui/tag-editor.tsx';
import { EditableField } from './editable-field.tsx';
import './contact-fields.css';

interface Props {
  contact: ContactDetail;
  stages: LifecycleStage[];
  onSave(patch: ContactPatchBody): Promise<boolean>;
}

const NEW_COMPANY = '__new__';
const domainOf = (email: string | null) => email?.split('@')[1]?.toLowerCase() ?? null;

function useOrganisations(email: string | null) {
  const [all, setAll] = useState<Organisation[]>([]);
  const [suggested, setSuggested] = useState<Organisation | null>(null);
  const reload = () => contactApi.organisations().then((r) => setAll(r.items), () => undefined);
  useEffect(() => {
    void reload();
    const domain = domainOf(email);
    if (domain) void contactApi.organisations({ domain }).then((r) => setSuggested(r.items[0] ?? null), () => undefined);
  }, [email]);
  return { all, suggested, reload };
}

function CompanyField({ contact, onSave }: Pick<Props, 'contact' | 'onSave'>) {
  const orgs = useOrganisations(contact.email);
  const current = contact.organisation;
  const choose = async (value: string) => {
    if (value !== NEW_COMPANY) return void onSave({ organisationId: value || null });
    const name = window.prompt('Name of the new company')?.trim();
    if (!name) return;
    const domain = domainOf(contact.email);
    const created = await contactApi.createOrganisation({ name, domains: domain ? [domain] : [] });
    await orgs.reload();
    await onSave({ organisationId: created.id });
  };
  const suggestion = !current && orgs.suggested ? orgs.suggested : null;
  return (
    <div className="field">
      <label className="field-label" htmlFor={`company-${contact.id}`}>
        Company
      </label>
      <div className="field-row">
        <select id={`company-${contact.id}`} className="field-select" value={current?.id ?? ''} onChange={(e) => void choose(e.target.value)}>
          <option value="">No company</option>
          {current && !orgs.all.some((o) => o.id === current.id) && <option value={current.id}>{current.name}</option>}
          {orgs.all.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
          <option value={NEW_COMPANY}>New company…</option>
        </select>
        {current && (
          <a className="field-link" href={`/organisations/${encodeURIComponent(current.id)}`} onClick={(e) => (e.preventDefault(), navigate(`/organisations/${encodeURIComponent(current.id)}`))}>
            Open
          </a>
        )}
      </div>
      {suggestion && (
        <button type="button" className="button-quiet small" onClick={() => void onSave({ organisationId: suggestion.id })}>
          Suggested by email domain: {suggestion.name}
        </button>
      )}
    </div>
  );
}

export function ContactFields({ contact, stages, onSave }: Props) {
  const { agents } = useSession();
  const stageKnown = !contact.lifecycleStage || stages.some((s) => s.name === contact.lifecycleStage);
  return (
    <>
      <div className="field">
        <label className="field-label" htmlFor={`stage-${contact.id}`}>
          Lifecycle stage
        </label>
        <select id={`stage-${contact.id}`} className="field-select" value={contact.lifecycleStage ?? ''} onChange={(e) => void onSave({ lifecycleStage: e.target.value || null })}>
          <option value="">No stage</option>
          {!stageKnown && <option value={contact.lifecycleStage!}>{contact.lifecycleStage}</option>}
          {stages.map((s) => (
            <option key={s.id} value={s.name}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <EditableField label="Tier" value={contact.tier} placeholder="Set tier" onSave={(tier) => void onSave({ tier })} />
      <div className="field">
        <span className="field-label">Tags</span>
        <TagEditor label="Contact tags" tags={contact.tags} onChange={(tags) => void onSave({ tags })} />
      </div>
      <CompanyField contact={contact} onSave={onSave} />
      <div className="field">
        <label className="field-label" htmlFor={`owner-${contact.id}`}>
          Owner
        </label>
        <select id={`owner-${contact.id}`} className="field-select" value={contact.owner?.id ?? ''} onChange={(e) => void onSave({ ownerId: e.target.value || null })}>
          <option value="">No owner</option>
          {agents
            .filter((a) => a.active || a.id === contact.owner?.id)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </select>
      </div>
    </>
  );
}
