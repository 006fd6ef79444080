// The widget's elements in a shadow root: a launcher button and a panel with the conversation,
// the agent's typing, the visitor's place in the queue, a help search before they write, and one
// of three forms (pre-chat, offline, composer).
import { el } from './dom.ts';
import { createHelpBox, type HelpBox } from './help.ts';
import { css } from './styles.ts';

export interface View {
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  badge: HTMLSpanElement;
  panel: HTMLDivElement;
  title: HTMLHeadingElement;
  close: HTMLButtonElement;
  body: HTMLDivElement;
  greeting: HTMLParagraphElement;
  list: HTMLDivElement;
  typing: HTMLDivElement;
  queue: HTMLDivElement;
  help: HelpBox;
  prechat: { form: HTMLFormElement; name: HTMLInputElement; email: HTMLInputElement; topicLabel: HTMLLabelElement; topic: HTMLSelectElement; text: HTMLTextAreaElement; error: HTMLDivElement };
  offline: { form: HTMLFormElement; intro: HTMLParagraphElement; name: HTMLInputElement; email: HTMLInputElement; text: HTMLTextAreaElement; error: HTMLDivElement };
  composer: { form: HTMLFormElement; text: HTMLTextAreaElement; send: HTMLButtonElement };
}

function attachStyles(root: ShadowRoot): void {
  // A constructed stylesheet needs no 'unsafe-inline' in the host page's Content-Security-Policy.
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  (root as ShadowRoot).append(el('style', {}, css));
}

/** A speech bubble, drawn (an emoji would depend on the visitor's fonts). */
function chatIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
  svg.append(path);
  return svg;
}

export function createView(): View {
  const host = el('div', { id: 'parley-chat', 'data-parley-widget': true });
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  attachStyles(root);

  const badge = el('span', { class: 'badge', hidden: true });
  const launcher = el('button', { class: 'launcher', type: 'button', 'aria-label': 'Open chat', 'aria-expanded': 'false' }, chatIcon(), badge);
  const title = el('h2', {}, 'Chat');
  const close = el('button', { type: 'button', 'aria-label': 'Close chat' }, '×');
  const greeting = el('p', { class: 'greeting', hidden: true });
  const list = el('div', { class: 'messages', role: 'log', 'aria-live': 'polite' });
  const help = createHelpBox();
  const body = el('div', { class: 'body' }, greeting, help.box, list);
  const typing = el('div', { class: 'typing', hidden: true, 'aria-live': 'polite' });
  const queue = el('div', { class: 'queue', hidden: true, role: 'status' });

  const field = (label: string, input: HTMLElement) => el('label', {}, label, input);
  const prechat = {
    name: el('input', { name: 'name', autocomplete: 'name', maxlength: '120' }),
    email: el('input', { name: 'email', type: 'email', autocomplete: 'email', maxlength: '254' }),
    topic: el('select', { name: 'topic' }),
    text: el('textarea', { name: 'text', rows: '3', required: true, placeholder: 'How can we help?' }),
    error: el('div', { class: 'error', role: 'alert' }),
  };
  const topicLabel = field('Topic', prechat.topic);
  const prechatForm = el(
    'form',
    { class: 'prechat', hidden: true, 'aria-label': 'Start a chat' },
    field('Name', prechat.name),
    field('Email', prechat.email),
    topicLabel,
    field('Message', prechat.text),
    prechat.error,
    el('button', { class: 'send', type: 'submit' }, 'Start chat'),
  );

  const offline = {
    intro: el('p', { class: 'intro' }),
    name: el('input', { name: 'name', autocomplete: 'name', required: true, maxlength: '120' }),
    email: el('input', { name: 'email', type: 'email', autocomplete: 'email', required: true, maxlength: '254' }),
    text: el('textarea', { name: 'text', rows: '4', required: true }),
    error: el('div', { class: 'error', role: 'alert' }),
  };
  const offlineForm = el(
    'form',
    { class: 'offline', hidden: true, 'aria-label': 'Leave a message' },
    offline.intro,
    field('Name', offline.name),
    field('Email', offline.email),
    field('Message', offline.text),
    offline.error,
    el('button', { class: 'send', type: 'submit' }, 'Send message'),
  );

  const composerText = el('textarea', { name: 'text', rows: '1', placeholder: 'Write a message…', 'aria-label': 'Message' });
  const send = el('button', { class: 'send', type: 'submit' }, 'Send');
  const composerForm = el('form', { class: 'composer', hidden: true, 'aria-label': 'Send a message' }, composerText, send);

  const panel = el('div', { class: 'panel', hidden: true, role: 'dialog', 'aria-label': 'Chat' }, el('div', { class: 'header' }, title, close), body, typing, queue, prechatForm, offlineForm, composerForm);
  root.append(launcher, panel);
  return {
    root,
    launcher,
    badge,
    panel,
    title,
    close,
    body,
    greeting,
    list,
    typing,
    queue,
    help,
    prechat: { form: prechatForm, topicLabel, ...prechat },
    offline: { form: offlineForm, ...offline },
    composer: { form: composerForm, text: composerText, send },
  };
}
