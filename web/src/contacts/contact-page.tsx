// /contacts/<id>: everything about one customer: every identity on every channel with whether it
// is verified, stage, tier, tags, company, owner and custom attributes (all editable), and the
// timeline of every conversation on every channel.
import { api } from '../api/endpoints.ts';
import type { AttributeValue, ContactDetail } from '../api/types.ts';
import { channelKindInfo } from '../channels/channel-kinds.ts';
import { AttributesEditor } from '../customer/attributes-editor.tsx';
import { ContactFields } from '../customer/contact-fields.tsx';
import { ContactTimeline } from '../customer/contact-timeline.tsx';
import { EditableField } from '../customer/editable-field.tsx';
import { inboxPath, navigate } from '../router.ts';
import { ChannelIcon, channelLabel } from '../ui/channel-icon.tsx';
import { contactLabel, fullTime } from '../ui/format.ts';
import { PageFrame } from '../ui/page-frame.tsx';
import { useContactSettings } from './use-contact-settings.ts';
import { useContactRecord } from '../customer/use-contact-record.ts';
import './contacts.css';

const conversationHref = (id: string) => inboxPath({ view: { kind: 'all' }, status: 'open', channelId: null, conversationId: id });

function Identities({ contact }: { contact: ContactDetail }) {
  return (
    <ul className="identity-list" aria-label="Identities">
      {contact.identities.map((i) => (
        <li key={i.id} data-channel-kind={i.channelKind}>
          <ChannelIcon kind={i.channelKind} />
          <span>{channelLabel(i.channelKind)}</span>
          <span className="identity-address">{channelKindInfo(i.channelKind).identityLabel ?? i.address}</span>
          {i.verified ? <span className="badge-ok">verified</span> : <span className="badge-warn" title={i.verification ?? 'not proven by its channel'}>unverified</span>}
          {i.optedOutAt && <span className="badge-warn">opted out</span>}
        </li>
      ))}
      {contact.identities.length === 0 && <li className="dim">No channel identities.</li>}
    </ul>
  );
}

export function ContactPage({ contactId, onHelp }: { contactId: string; onHelp(): void }) {
  const { contact, error, save } = useContactRecord(contactId);
  const settings = useContactSettings();

  return (
    <PageFrame active="contacts" testId="contact-page" onHelp={onHelp}>
      <div className="board-header">
        <a href="/contacts" onClick={(e) => (e.preventDefault(), navigate('/contacts'))}>
          ← Contacts
        </a>
        <h1 className="list-title">{contact ? contactLabel(contact) : 'Contact'}</h1>
        {contact && <span className="dim small">Last contact {fullTime(contact.lastContactAt)}</span>}
      </div>
      {error && <div className="banner banner-error">{error}</div>}
      {!contact && !error && <p className="dim">Loading…</p>}
      {contact && (
        <div className="contact-page">
          <div className="contact-side">
            <section className="board-card" aria-label="Who">
              <h2 className="board-card-title">Who</h2>
              <EditableField label="Name" value={contact.name} placeholder={contactLabel(contact)} onSave={(name) => void save({ name })} />
              <Identities contact={contact} />
            </section>
            <section className="board-card" aria-label="Profile">
              <h2 className="board-card-title">Profile</h2>
              <ContactFields contact={contact} stages={settings.stages} onSave={save} />
            </section>
            <section className="board-card" aria-label="Attributes">
              <h2 className="board-card-title">Attributes</h2>
              <AttributesEditor definitions={settings.attributes} attributes={contact.attributes as Record<string, AttributeValue>} onSave={(attributes) => save({ attributes })} />
            </section>
          </div>
          <div className="board-card">
            <ContactTimeline contactId={contact.id} conversationId={null} refreshKey={contact.lastContactAt} conversationHref={conversationHref} onOpenConversation={(id) => navigate(conversationHref(id))} />
          </div>
        </div>
      )}
    </PageFrame>
  );
}
