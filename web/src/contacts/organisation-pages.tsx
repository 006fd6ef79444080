// /organisations: the workspace's companies (find by name or domain, add one); /organisations/<id>:
// one company, its name, domains and notes (editable), the contacts in it and their recent
// conversations on every channel.
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.ts';
import { contactApi } from '../api/contact-endpoints.ts';
import type { Organisation, OrganisationDetail } from '../api/types.ts';
import { inboxPath, navigate } from '../router.ts';
import { ChannelIcon, conversationTitle } from '../ui/channel-icon.tsx';
import { contactLabel, relativeTime, statusLabel } from '../ui/format.ts';
import { PageFrame } from '../ui/page-frame.tsx';
import { useToasts } from '../ui/toasts.tsx';
import { useNow } from '../ui/use-now.ts';
import './contacts.css';

const go = (href: string) => (e: { preventDefault(): void }) => {
  e.preventDefault();
  navigate(href);
};
const orgHref = (id: string) => `/organisations/${encodeURIComponent(id)}`;
const splitDomains = (s: string) => s.split(/[\s,]+/).filter(Boolean);

export function OrganisationsPage({ onHelp }: { onHelp(): void }) {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Organisation[]>([]);
  const [name, setName] = useState('');
  const [domains, setDomains] = useState('');
  const toasts = useToasts();
  useEffect(() => {
    const t = setTimeout(() => void contactApi.organisations(q ? { q } : {}).then((r) => setItems(r.items), (err: unknown) => toasts.error(errorMessage(err))), 250);
    return () => clearTimeout(t);
  }, [q, toasts]);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const org = await contactApi.createOrganisation({ name: name.trim(), domains: splitDomains(domains) });
      navigate(orgHref(org.id));
    } catch (err) {
      toasts.error(`Could not add the company: ${errorMessage(err)}`);
    }
  };
  return (
    <PageFrame active="organisations" testId="organisations-page" onHelp={onHelp}>
      <div className="board-header">
        <a href="/contacts" onClick={go('/contacts')}>
          ← Contacts
        </a>
        <h1 className="list-title">Companies</h1>
        <input type="search" aria-label="Find a company" placeholder="Name or domain" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <form className="save-view board-card" aria-label="Add a company" onSubmit={(e) => void add(e)}>
        <input type="text" aria-label="Company name" placeholder="Company name" value={name} onChange={(e) => setName(e.target.value)} />
        <input type="text" aria-label="Email domains" placeholder="Domains, e.g. acme.com" value={domains} onChange={(e) => setDomains(e.target.value)} />
        <button type="submit" className="button-primary" disabled={!name.trim()}>
          Add company
        </button>
      </form>
      <table className="channel-table board-card" aria-label="Companies">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Domains</th>
            <th scope="col">Contacts</th>
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                <a href={orgHref(o.id)} onClick={go(orgHref(o.id))}>
                  {o.name}
                </a>
              </th>
              <td>{o.domains.join(', ') || <span className="dim">—</span>}</td>
              <td>{o.contactCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </PageFrame>
  );
}

function OrganisationForm({ org, onSaved }: { org: OrganisationDetail; onSaved(): void }) {
  const [name, setName] = useState(org.name);
  const [domains, setDomains] = useState(org.domains.join(', '));
  const [notes, setNotes] = useState(org.notes ?? '');
  const toasts = useToasts();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await contactApi.updateOrganisation(org.id, { name: name.trim(), domains: splitDomains(domains), notes: notes.trim() || null });
      toasts.show({ tone: 'info', text: `${name.trim()} saved` });
      onSaved();
    } catch (err) {
      toasts.error(`Could not save the company: ${errorMessage(err)}`);
    }
  };
  return (
    <form className="board-card channel-form" aria-label="Company details" onSubmit={(e) => void save(e)}>
      <label className="form-field">
        <span>Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="form-field">
        <span>Email domains</span>
        <input value={domains} placeholder="acme.com, acme.io" onChange={(e) => setDomains(e.target.value)} />
      </label>
      <label className="form-field">
        <span>Notes</span>
        <textarea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={!name.trim()}>
          Save
        </button>
      </div>
    </form>
  );
}

export function OrganisationPage({ organisationId, onHelp }: { organisationId: string; onHelp(): void }) {
  const [org, setOrg] = useState<OrganisationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const now = useNow(60_000);
  useEffect(() => {
    const ctl = new AbortController();
    contactApi.organisation(organisationId, ctl.signal).then(setOrg, (err: unknown) => !ctl.signal.aborted && setError(errorMessage(err)));
    return () => ctl.abort();
  }, [organisationId, version]);
  return (
    <PageFrame active="organisations" testId="organisation-page" onHelp={onHelp}>
      <div className="board-header">
        <a href="/organisations" onClick={go('/organisations')}>
          ← Companies
        </a>
        <h1 className="list-title">{org?.name ?? 'Company'}</h1>
      </div>
      {error && <div className="banner banner-error">{error}</div>}
      {org && (
        <>
          <OrganisationForm key={org.updatedAt} org={org} onSaved={() => setVersion((v) => v + 1)} />
          <section className="board-card" aria-label="People at this company">
            <div className="board-card-head">
              <h2 className="board-card-title">People ({org.contactCount})</h2>
              <a href={`/contacts?organisationId=${encodeURIComponent(org.id)}`} onClick={go(`/contacts?organisationId=${encodeURIComponent(org.id)}`)}>
                Filter the contacts list
              </a>
            </div>
            <table className="channel-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Last contact</th>
                </tr>
              </thead>
              <tbody>
                {org.contacts.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <a href={`/contacts/${encodeURIComponent(c.id)}`} onClick={go(`/contacts/${encodeURIComponent(c.id)}`)}>
                        {contactLabel(c)}
                      </a>
                    </th>
                    <td>{c.lifecycleStage ?? <span className="dim">—</span>}</td>
                    <td>{relativeTime(c.lastContactAt, now)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="board-card" aria-label="Recent conversations">
            <h2 className="board-card-title">Recent conversations</h2>
            {org.recentConversations.length === 0 && <p className="dim small">None yet.</p>}
            <ul className="history">
              {org.recentConversations.map((c) => {
                const href = inboxPath({ view: { kind: 'all' }, status: 'open', channelId: null, conversationId: c.id });
                return (
                  <li key={c.id}>
                    <a className="history-item" href={href} onClick={go(href)}>
                      <ChannelIcon kind={c.channel.kind} />
                      <span className="history-subject">
                        #{c.number} {conversationTitle(c)} · {contactLabel(org.contacts.find((p) => p.id === c.contactId) ?? { name: null, email: null, phone: null })}
                      </span>
                      <span className={`status-pill status-${c.status}`}>{statusLabel[c.status]}</span>
                      <span className="history-time">{relativeTime(c.lastMessageAt, now)}</span>
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
        </>
      )}
    </PageFrame>
  );
}
