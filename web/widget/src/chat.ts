// The widget's behaviour: connect (at once for a returning visitor, else on first open), show
// the history, offer the pre-chat or offline form, send messages optimistically, show the agent's
// replies and typing live, and the visitor's place in the queue while they wait.
import { connect, type Connection } from './connection.ts';
import type { WidgetConfig } from './config.ts';
import { el, setText } from './dom.ts';
import { newClientId, offlineIntro, queueLine } from './format.ts';
import type { Session, Status, VisitorMessage } from './protocol.ts';
import { hideHelp, startHelpSearch } from './help.ts';
import { loadToken } from './storage.ts';
import type { View } from './view.ts';

type Mode = 'loading' | 'prechat' | 'offline' | 'chat';

const TYPING_IDLE_MS = 3000;
const AGENT_TYPING_TIMEOUT_MS = 8000;
const STATUS_POLL_MS = 15_000;

export function startChat(config: WidgetConfig, view: View): void {
  let conn: Connection | null = null;
  let session: Session | null = null;
  let open = false;
  let unread = 0;
  let mode: Mode = 'loading';
  let statusTimer: ReturnType<typeof setInterval> | null = null;
  let typingSent = false;
  let typingIdle: ReturnType<typeof setTimeout> | null = null;
  let agentTypingTimer: ReturnType<typeof setTimeout> | null = null;
  const shown = new Map<string, HTMLElement>();

  const setMode = (next: Mode) => {
    mode = next;
    view.prechat.form.hidden = next !== 'prechat';
    view.offline.form.hidden = next !== 'offline';
    view.composer.form.hidden = next !== 'chat';
  };
  setMode('loading');

  // ---- messages ----------------------------------------------------------------------------
  const keyOf = (m: Pick<VisitorMessage, 'id' | 'clientId' | 'direction'>) => (m.direction === 'in' && m.clientId ? `c:${m.clientId}` : `m:${m.id}`);

  function render(m: VisitorMessage, state: 'pending' | 'sent' | 'failed' = 'sent'): HTMLElement {
    const key = keyOf(m);
    const existing = shown.get(key);
    const node = el('div', { class: `msg ${m.direction}${state === 'sent' ? '' : ` ${state}`}`, 'data-direction': m.direction }, m.direction === 'out' && m.author?.name ? el('span', { class: 'who' }, m.author.name) : null, m.text);
    if (existing) existing.replaceWith(node);
    else view.list.append(node);
    shown.set(key, node);
    view.body.scrollTop = view.body.scrollHeight;
    return node;
  }

  function notice(text: string): void {
    view.list.append(el('div', { class: 'notice' }, text));
    view.body.scrollTop = view.body.scrollHeight;
  }

  function onIncoming(m: VisitorMessage): void {
    const known = shown.has(keyOf(m));
    render(m);
    if (m.direction === 'out') {
      showAgentTyping(false, null);
      if (!open && !known) {
        unread++;
        setText(view.badge, String(unread));
        view.badge.hidden = false;
      }
      void refreshStatus();
    }
  }

  // ---- typing ----------------------------------------------------------------------------
  function showAgentTyping(typing: boolean, name: string | null): void {
    if (agentTypingTimer) clearTimeout(agentTypingTimer);
    view.typing.hidden = !typing;
    if (!typing) return;
    setText(view.typing, `${name ?? 'Someone'} is typing…`);
    agentTypingTimer = setTimeout(() => showAgentTyping(false, null), AGENT_TYPING_TIMEOUT_MS);
  }

  function visitorTyping(): void {
    if (!conn) return;
    if (!typingSent) {
      typingSent = true;
      conn.socket.emit('visitor.typing', { typing: true });
    }
    if (typingIdle) clearTimeout(typingIdle);
    typingIdle = setTimeout(stopTyping, TYPING_IDLE_MS);
  }

  function stopTyping(): void {
    if (typingIdle) clearTimeout(typingIdle);
    if (typingSent && conn) conn.socket.emit('visitor.typing', { typing: false });
    typingSent = false;
  }

  // ---- status: availability and place in the queue ------------------------------------------
  async function refreshStatus(): Promise<Status | null> {
    if (!conn) return null;
    const status = await conn.status();
    const waiting = status?.waiting ?? null;
    view.queue.hidden = waiting === null;
    if (waiting) setText(view.queue, queueLine(waiting));
    return status;
  }

  // ---- connecting --------------------------------------------------------------------------
  async function load(): Promise<void> {
    if (!conn) return;
    const [history, status] = await Promise.all([conn.history(), refreshStatus()]);
    for (const m of history) render(m);
    if (history.length > 0) hideHelp(view.help);
    if (mode !== 'loading' && mode !== 'prechat' && mode !== 'offline') return;
    if (history.length > 0) setMode('chat');
    else if (status && !status.available) {
      setText(view.offline.intro, offlineIntro(status.reason));
      setMode('offline');
    } else setMode(session?.channel.prechat.enabled ? 'prechat' : 'chat');
  }

  let helpStarted = false;
  function onSession(s: Session): void {
    session = s;
    if (!helpStarted) {
      helpStarted = true;
      startHelpSearch(view.help, config.server, s.helpCenter);
    }
    setText(view.title, s.channel.title);
    view.greeting.hidden = !s.channel.greeting;
    if (s.channel.greeting) setText(view.greeting, s.channel.greeting);
    const topics = s.channel.prechat.topics;
    view.prechat.topicLabel.hidden = topics.length === 0;
    view.prechat.topic.replaceChildren(el('option', { value: '' }, 'Choose…'), ...topics.map((t) => el('option', { value: t }, t)));
    view.prechat.email.required = s.channel.prechat.requireEmail;
    for (const t of [view.prechat.text, view.offline.text, view.composer.text]) t.maxLength = s.channel.maxMessageLength;
    void load();
  }

  function ensureConnected(): void {
    if (conn) return;
    conn = connect({ server: config.server, channel: config.channel, onSession });
    conn.socket.on('message', onIncoming);
    conn.socket.on('typing', (t) => showAgentTyping(t.typing, t.name));
    conn.socket.on('connect_error', (err: Error) => {
      if (mode === 'loading') notice(`The chat is unavailable: ${err.message}`);
    });
  }

  // ---- sending -----------------------------------------------------------------------------
  async function send(event: 'visitor.message' | 'visitor.offline', fields: { text: string; name?: string; email?: string; topic?: string }, errorBox?: HTMLElement): Promise<boolean> {
    if (!conn) return false;
    stopTyping();
    const clientId = newClientId();
    const optimistic: VisitorMessage = { id: clientId, clientId, direction: 'in', text: fields.text, author: null, createdAt: new Date().toISOString() };
    const node = render(optimistic, 'pending');
    hideHelp(view.help);
    const answer = await conn.call(event, { clientId, ...fields });
    if (answer.ok) {
      render(optimistic);
      if (errorBox) setText(errorBox, '');
      void refreshStatus();
      return true;
    }
    node.remove();
    shown.delete(keyOf(optimistic));
    if (errorBox) setText(errorBox, answer.error.message);
    else {
      render(optimistic, 'failed');
      notice(answer.error.message);
    }
    return false;
  }

  const value = (input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement) => input.value.trim() || undefined;

  view.prechat.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = value(view.prechat.text);
    if (!text) return;
    void send('visitor.message', { text, name: value(view.prechat.name), email: value(view.prechat.email), topic: value(view.prechat.topic) }, view.prechat.error).then((ok) => {
      if (ok) setMode('chat');
    });
  });

  view.offline.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = value(view.offline.text);
    const email = value(view.offline.email);
    if (!text || !email) return;
    void send('visitor.offline', { text, name: value(view.offline.name), email }, view.offline.error).then((ok) => {
      if (!ok) return;
      setMode('chat');
      notice(`Thanks! We will answer at ${email}, and here.`);
    });
  });

  view.composer.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = view.composer.text.value.trim();
    if (!text) return;
    view.composer.text.value = '';
    void send('visitor.message', { text });
  });
  view.composer.text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      view.composer.form.requestSubmit();
    }
  });
  view.composer.text.addEventListener('input', visitorTyping);
  view.prechat.text.addEventListener('input', visitorTyping);

  // ---- open / close ------------------------------------------------------------------------
  function setOpen(next: boolean): void {
    open = next;
    view.panel.hidden = !open;
    view.launcher.setAttribute('aria-expanded', String(open));
    if (!open) {
      if (statusTimer) clearInterval(statusTimer);
      statusTimer = null;
      return;
    }
    unread = 0;
    view.badge.hidden = true;
    ensureConnected();
    void refreshStatus();
    statusTimer = setInterval(() => void refreshStatus(), STATUS_POLL_MS);
    (mode === 'chat' ? view.composer.text : mode === 'prechat' ? view.prechat.text : view.offline.name).focus();
  }
  view.launcher.addEventListener('click', () => setOpen(!open));
  view.close.addEventListener('click', () => setOpen(false));

  // A returning visitor hears replies that arrive while the panel is closed.
  if (loadToken(config.channel)) ensureConnected();
}
