// The right column: who the customer is (identities on every channel), what we know about them
// (stage, tier, tags, custom attributes, company, owner, all editable; the contact page has more), their timeline across channels and their
// other conversations. On phones it is a view of its own, on tablets a sheet over the conversation;
// both have a control back to the conversation.
import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { AttributeValue } from '../api/types.ts';
import { useRealtime } from '../realtime/socket.tsx';
import { channelKindInfo } from '../channels/channel-kinds.ts';
import { ChannelIcon, channelLabel, contactFieldIcons, conversationTitle, LineIcon } from '../ui/channel-icon.tsx';
import { contactLabel, relativeTime, statusLabel } from '../ui/format.ts';
import { Glyph } from '../ui/glyph.tsx';
import { useToasts } from '../ui/toasts.tsx';
import { useNow } from '../ui/use-now.ts';
import { useContactSettings } from '../contacts/use-contact-settings.ts';
import { navigate } from '../router.ts';
import { AttributesEditor } from './attributes-editor.tsx';
import { ContactFields } from './contact-fields.tsx';
import { ContactTimeline } from './contact-timeline.tsx';
import { EditableField } from './editable-field.tsx';
import { PrivacyActions } from './privacy-actions.tsx';
import { IdentityClaims } from './identity-claims.tsx';
import { TaskPanel } from '../tasks/task-panel.tsx';
import { MergeSection } from './merge-section.tsx';
import { useContactRecord } from './use-contact-record.ts';

interface Props {
  contactId: string;
  conversationId: string;
  onOpenConversation(id: string): void;
  conversationHref(id: string): string;
  /** Changes when the open conversation gets a message: the timeline reloads its newest entries. */
  refreshKey: string;
  /** Back to the conversation (phones) or close the sheet (tablets). */
  onClose(): void;
}

/** The panel's own header where it is not a column beside the conversation. */
function SheetHeader({ onClose }: { onClose(): void }) {
  return (
    <div className="panel-sheet-head">
      <button type="button" className="icon-button panel-back" aria-label="Back to conversation" title="Back to conversation" onClick={onClose}>
        <Glyph name="back" size={20} />
      </button>
      <h2 className="panel-sheet-title">Customer</h2>
      <button type="button" className="icon-button panel-close" aria-label="Close customer details" title="Close" onClick={onClose}>
        <Glyph name="close" size={18} />
      </button>
    </div>
  );
}

export function CustomerPanel(props: Props) {
  const { contactId, conversationId, onOpenConversation, onClose } = props;
  /** Bumped by a merge or its undo: the timeline starts again with what the contact has now. */
  const [version, setVersion] = useState(0);
  const { epoch } = useRealtime();
  const toasts = useToasts();
  const now = useNow(60_000);
  const settings = useContactSettings();

  const { contact, error, save, reload } = useContactRecord(contactId, epoch);

  if (error || !contact || contact.id !== contactId) {
    return (
      <aside className="panel-column" id="customer-panel" aria-label="Customer">
        <SheetHeader onClose={onClose} />
        {error ? <div className="banner banner-error">{error}</div> : <div className="panel-section dim">Loading customer…</div>}
      </aside>
    );
  }
  const others = contact.conversations.filter((c) => c.id !== conversationId);

  return (
    <aside className="panel-column" id="customer-panel" aria-label="Customer" data-testid="customer-panel">
      <SheetHeader onClose={onClose} />
      <section className="panel-section">
        <EditableField label="Name" value={contact.name} placeholder={contactLabel(contact)} onSave={(name) => void save({ name })} />
        <ul className="identities">
          {contact.identities.map((i) => {
            // Some addresses are opaque ids (a website visitor's): named for what they are, the id kept in the tooltip.
            const opaque = channelKindInfo(i.channelKind).identityLabel;
            return (
              <li key={i.id} title={opaque ? `${channelLabel(i.channelKind)} · ${i.address}` : channelLabel(i.channelKind)}>
                <ChannelIcon kind={i.channelKind} /> <span className="identity-address">{opaque ?? i.address}</span>
                {i.optedOutAt && <span className="badge-warn">opted out</span>}
                {!i.verified && (
                  <span className="badge-warn" title={i.verification ?? 'not proven by its channel'}>
                    unverified
                  </span>
                )}
              </li>
            );
          })}
          {/* Details the customer gave (a chat's pre-chat form) that are not yet a channel address. */}
          {contact.email && !contact.identities.some((i) => i.address === contact.email) && (
            <li>
              <LineIcon {...contactFieldIcons.email} /> <span className="identity-address">{contact.email}</span>
            </li>
          )}
          {contact.phone && !contact.identities.some((i) => i.address === contact.phone) && (
            <li>
              <LineIcon {...contactFieldIcons.phone} /> <span className="identity-address">{contact.phone}</span>
            </li>
          )}
        </ul>
        <IdentityClaims contactId={contactId} />
      </section>
      <section className="panel-section">
        <ContactFields contact={contact} stages={settings.stages} onSave={save} />
        <a className="field-link" href={`/contacts/${encodeURIComponent(contactId)}`} onClick={(e) => (e.preventDefault(), navigate(`/contacts/${encodeURIComponent(contactId)}`))}>
          Open contact page
        </a>
      </section>
      <section className="panel-section" data-testid="customer-tasks">
        <h3 className="panel-heading">Tasks</h3>
        <TaskPanel key={contactId} target={{ contactId }} label="Customer tasks" />
      </section>
      <ContactTimeline key={version} contactId={contactId} conversationId={conversationId} refreshKey={props.refreshKey} conversationHref={props.conversationHref} onOpenConversation={onOpenConversation} />
      <section className="panel-section">
        <h3 className="panel-heading">Attributes</h3>
        <AttributesEditor definitions={settings.attributes} attributes={contact.attributes as Record<string, AttributeValue>} onSave={(attributes) => save({ attributes })} />
      </section>
      {!contact.erasedAt && <MergeSection contactId={contactId} name={contactLabel(contact)} onChanged={() => {
            setVersion((v) => v + 1);
            reload();
          }} />}
      <PrivacyActions contactId={contactId} name={contactLabel(contact)} erased={!!contact.erasedAt} onErased={reload} />
      <section className="panel-section">
        <h3 className="panel-heading">Previous conversations</h3>
        {others.length === 0 && <div className="dim small">None; this is the first.</div>}
        <ul className="history">
          {others.map((c) => (
            <li key={c.id}>
              <button type="button" className="history-item" onClick={() => onOpenConversation(c.id)}>
                <ChannelIcon kind={c.channel.kind} />
                <span className="history-subject">{conversationTitle(c)}</span>
                <span className={`status-pill status-${c.status}`}>{statusLabel[c.status]}</span>
                <span className="history-time">{relativeTime(c.lastMessageAt, now)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
