// A message's content: sanitised email HTML in a frame (remote images held back, quoted history
// folded) or plain text with its quoted part behind a "…" toggle; then its attachments.
import { useMemo, useState } from 'react';
import { attachmentUrl } from '../api/endpoints.ts';
import type { Message } from '../api/types.ts';
import { fileSize } from '../ui/format.ts';
import { EmailFrame } from './email-frame.tsx';
import { prepareEmailHtml } from './email-html.ts';

function QuoteToggle({ open, onToggle }: { open: boolean; onToggle(): void }) {
  return (
    <button type="button" className="quote-toggle" aria-expanded={open} aria-label={open ? 'Hide quoted text' : 'Show quoted text'} title={open ? 'Hide quoted text' : 'Show quoted text'} onClick={onToggle}>
      …
    </button>
  );
}

export function MessageBody({ m }: { m: Message }) {
  const [showImages, setShowImages] = useState(false);
  const [showQuote, setShowQuote] = useState(false);
  const prepared = useMemo(
    () => (m.html ? prepareEmailHtml(m.html, { attachments: m.attachments, showImages, showQuote, hasQuotedText: m.quotedText !== null }) : null),
    [m.html, m.attachments, m.quotedText, showImages, showQuote],
  );
  const files = m.attachments.filter((a) => !a.inline || !m.html);

  return (
    <div className="message-body">
      {prepared ? (
        <>
          {prepared.blockedImages > 0 && (
            <div className="images-blocked">
              {prepared.blockedImages === 1 ? '1 remote image is' : `${prepared.blockedImages} remote images are`} hidden to protect your privacy.
              <button type="button" className="link-button" onClick={() => setShowImages(true)}>
                Show images
              </button>
            </div>
          )}
          <EmailFrame srcdoc={prepared.srcdoc} title={`Email from ${m.author?.name ?? 'the customer'}`} />
          {(prepared.hasQuote || showQuote) && <QuoteToggle open={showQuote} onToggle={() => setShowQuote((v) => !v)} />}
        </>
      ) : (
        <>
          <div className="message-text">{m.text}</div>
          {m.quotedText && <QuoteToggle open={showQuote} onToggle={() => setShowQuote((v) => !v)} />}
          {m.quotedText && showQuote && <div className="message-quote">{m.quotedText}</div>}
        </>
      )}
      {files.length > 0 && (
        <ul className="attachments" aria-label="Attachments">
          {files.map((a) => (
            <li key={a.id}>
              {/* A file of a reply still being sent has no download yet. */}
              {a.id.startsWith('local-') ? (
                <span className="attachment">
                  <FileLabel name={a.filename} size={a.size} />
                </span>
              ) : (
                <a href={attachmentUrl(a.id)} download={a.filename} className="attachment">
                  <FileLabel name={a.filename} size={a.size} />
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FileLabel({ name, size }: { name: string; size: number }) {
  return (
    <>
      <span className="attachment-name">{name}</span>
      <span className="attachment-size">{fileSize(size)}</span>
    </>
  );
}
