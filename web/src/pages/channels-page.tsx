// Admins: the workspace's channels, each with its kind, address and whether it is on; add one,
// change one, turn one off or on. Agents see the changes in their inbox at once.
import { AdminPage } from '../admin/admin-ui.tsx';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { AdminChannel, Channel } from '../api/types.ts';
import { ChannelForm } from '../admin/channel-form.tsx';
import { useSession } from '../state/session.tsx';
import { ChannelIcon, channelLabel } from '../ui/channel-icon.tsx';
import { useToasts } from '../ui/toasts.tsx';

type Editing = { mode: 'add' } | { mode: 'change'; channel: AdminChannel } | null;

function ChannelList() {
  const { channels, reloadDirectory } = useSession();
  const toasts = useToasts();
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const open = async (c: Channel) => {
    setBusy(c.id);
    try {
      setEditing({ mode: 'change', channel: await api.channel(c.id) });
    } catch (err) {
      toasts.error(`Could not load ${c.name}: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  };
  const toggle = async (c: Channel) => {
    setBusy(c.id);
    try {
      await api.updateChannel(c.id, { active: !c.active });
      await reloadDirectory();
    } catch (err) {
      toasts.error(`Could not ${c.active ? 'turn off' : 'turn on'} ${c.name}: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  };
  const saved = async (c: AdminChannel) => {
    setEditing(null);
    await reloadDirectory();
    toasts.show({ tone: 'info', text: `${c.name} saved` });
  };

  return (
    <>
      <div className="board-header">
        <h1 className="list-title">Channels</h1>
        {!editing && (
          <button type="button" className="button-primary" onClick={() => setEditing({ mode: 'add' })}>
            Add channel
          </button>
        )}
      </div>
      {editing && <ChannelForm key={editing.mode === 'change' ? editing.channel.id : 'new'} channel={editing.mode === 'change' ? editing.channel : null} onSaved={(c) => void saved(c)} onCancel={() => setEditing(null)} />}
      <table className="channel-table board-card" aria-label="Channels">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Kind</th>
            <th scope="col">Address</th>
            <th scope="col">State</th>
            <th scope="col" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {channels.map((c) => (
            <tr key={c.id} data-channel-id={c.id} className={c.active ? undefined : 'channel-off'}>
              <th scope="row">
                <span className="channel-name">
                  <ChannelIcon kind={c.kind} /> {c.name}
                </span>
              </th>
              <td>{channelLabel(c.kind)}</td>
              <td className="channel-address">{c.address}</td>
              <td>{c.active ? <span className="status-pill status-open">On</span> : <span className="status-pill">Off</span>}</td>
              <td>
                <div className="channel-actions">
                  <button type="button" className="button" disabled={busy === c.id} onClick={() => void open(c)}>
                    Change
                  </button>
                  <button type="button" className="button" disabled={busy === c.id} onClick={() => void toggle(c)}>
                    {c.active ? 'Turn off' : 'Turn on'}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function ChannelsPage({ onHelp }: { onHelp(): void }) {
  return (
    <AdminPage active="channels" testId="channels-page" denied="Only admins can manage channels." onHelp={onHelp}>
      <ChannelList />
    </AdminPage>
  );
}
