// Outlook's quoted-message header block ("From: / Sent: / To: / Subject:") in its translations,
// with or without a rule of dashes or underscores above it and with the "*From:*" bold markers of
// its plain-text conversion. A block whose subject is "FW: ..." heads a forwarded message.

const FROM_WORDS = 'from|von|de|van|da|från|fra|od|от|lähettäjä|feladó|kimden|发件人|寄件者|差出人|보낸\\s?사람|người gửi';
const SENT_WORDS =
  'sent|date|gesendet|datum|envoyé|date d\'envoi|enviado|enviada em|fecha|verzonden|skickat|sendt|inviato|data|wysłano|отправлено|дата|lähetetty|elküldve|gönderildi|tarih|odesláno|发送时间|日期|寄件日期|送信日時|보낸\\s?날짜|đã gửi';
const SUBJECT_WORDS =
  'subject|betreff|objet|asunto|oggetto|onderwerp|ämne|emne|temat|тема|assunto|aihe|tárgy|konu|předmět|主题|主旨|件名|제목|chủ đề';

// Each header name may be bolded ("*From:*") and followed by a half- or full-width colon.
const headerLine = (words: string) => new RegExp(`^\\s{0,8}\\*?(?:${words})\\s?\\*?\\s?[:：]\\*?`, 'iu');
const FROM = headerLine(FROM_WORDS);
const SENT = headerLine(SENT_WORDS);
const SUBJECT = headerLine(SUBJECT_WORDS);
// "-----Original Message-----" style rules and Outlook's underscore line above the block.
const RULE = /^\s{0,8}(?:-{3,}[^-\n]{0,80}-{3,}|-{3,}|_{10,})\s{0,8}$/u;
// Forward prefixes of the subject: en FW/Fwd, de WG, fr TR, es/pt RV/ENC, it I, nl Doorst, nordic VS/VB/VL, pl PD, ru Пересл, zh 转发/轉寄.
const FORWARD_SUBJECT =
  /[:：]\*?\s{0,8}(?:fwd?|wg|tr|rv|enc|i|doorst|vs|vb|vl|pd|пересл|转发|轉寄)\s?[:：]/iu;

export interface HeaderBlock {
  /** First line of the block: its rule when there is one, else its From line. */
  start: number;
  /** The block heads a forwarded message (its subject is "FW: ..."). */
  forwarded: boolean;
}

/** The header block whose From line is lines[at], or null when lines[at] does not start one. */
export function headerBlockAt(lines: readonly string[], at: number): HeaderBlock | null {
  const line = lines[at] ?? '';
  if (line.length > 1000 || !FROM.test(line)) return null;
  // A wrapped From value ("*From:* bob@example.com [mailto:\n bob@example.com]") pushes Sent one line down.
  const following = lines.slice(at + 1, at + 8);
  if (!following.slice(0, 3).some((l) => SENT.test(l))) return null;
  const subject = following.find((l) => SUBJECT.test(l));
  if (subject === undefined) return null;
  return { start: ruleAbove(lines, at), forwarded: FORWARD_SUBJECT.test(subject) };
}

/**
 * Whether the first non-empty lines are a header block in any order (Hotmail writes
 * "Date: / Subject: / From: / To:" after its <hr>): a From, a Sent or Date, and a Subject line.
 */
export function startsWithHeaderLines(lines: readonly string[]): boolean {
  const top = lines.filter((l) => l.trim() !== '').slice(0, 8);
  return top.some((l) => FROM.test(l)) && top.some((l) => SENT.test(l)) && top.some((l) => SUBJECT.test(l));
}

function ruleAbove(lines: readonly string[], fromLine: number): number {
  let above = fromLine - 1;
  while (above >= 0 && (lines[above] ?? '').trim() === '') above--;
  return above >= 0 && RULE.test(lines[above] ?? '') ? above : fromLine;
}
