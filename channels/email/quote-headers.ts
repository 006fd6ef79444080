// The one table of the lines mail clients write above a quoted or forwarded message, per language:
// "On DATE, NAME wrote:" attributions, "-----Original Message-----" rules and forward markers.
// find-quote-start.ts matches them line by line. Every pattern is bounded ({0,N}, no nested
// quantifiers) and runs on one line or a join of at most three short lines, so a crafted body
// costs time linear in its length. Each row's example is a case in test/unit/channels/email/quote-headers.test.ts.
//
// Measured 2026-12-02 over test/fixtures/email/quotes (SOURCES.md): of 66 plain-text cases (56 quote
// headers in 20 languages, 3 look-alikes that must stay, 7 forwards) email-reply-parser alone, the
// trimming before this table, got 38 right, this table + email-reply-parser 66, planer 1.2.0 (the
// npm port of mailgun/talon, extractFromPlain) 33; of 7 whole HTML emails the old trimming got 1, the
// new 7 (planer's HTML path needs a DOM and was not measured). Speed (npm run bench,
// test/bench/quote-trim.bench.ts): trimReply runs 11x faster than email-reply-parser alone on a
// short reply and 4x on a 40-line reply over 200 quoted lines (the table's cut spares the parser its
// whole-text regexes); planer took 0.1x and 0.5x of email-reply-parser's time on the same two.

export interface AttributionPattern {
  lang: string;
  /** Matched against a whole line (or up to three wrapped lines joined by a space), trimmed. */
  pattern: RegExp;
  example: string;
}

// A name, a date or an address between the lead words and the verb: anything but a line break.
const ANY = '[^\\n]{1,240}';
// A lookahead, so it adds no backtracking: the line holds a date's digit or an address's "@".
const DATE_OR_ADDRESS = '(?=[^\\n]{0,480}[\\d@])';

const attribution = (lang: string, source: string, example: string): AttributionPattern => ({
  lang,
  pattern: new RegExp(`^${source}$`, 'iu'),
  example,
});

/** "On DATE, NAME wrote:" in its languages and word orders; the trailing colon may be full-width. */
export const ATTRIBUTIONS: readonly AttributionPattern[] = [
  attribution('en', `On\\s${ANY}\\s(?:wrote|sent)\\s?[:：]`, 'On 11-Apr-2011, at 6:54 PM, Roman Tkachenko <romant@example.com> wrote:'),
  attribution('en', `${DATE_OR_ADDRESS}${ANY}\\swrote\\s?[:：]`, 'Sent from Samsung MobileName <address@example.com> wrote:'),
  attribution('de', `Am\\s${ANY}\\sschrieb${ANY}[:：]`, 'Am 14.01.2024 um 10:00 schrieb Hans Mueller <hans@example.de>:'),
  attribution('de', `${DATE_OR_ADDRESS}${ANY}\\sschrieb\\s?[:：]`, 'Hans Mueller <hans@example.de> schrieb:'),
  attribution('fr', `Le\\s${ANY}\\sa\\sécrit\\s?[:：]`, 'Le 23 janv. 2015 à 22:03, Brendan xxx <brendan.xxx@xxx.com> a écrit:'),
  attribution('fr', `${DATE_OR_ADDRESS}${ANY}\\sa\\sécrit\\s?[:：]`, 'Brendan <brendan@example.com> a écrit :'),
  attribution('es', `El\\s${ANY}\\sescribió\\s?[:：]`, 'El 15/01/2024, a las 14:30, Juan <juan@example.es> escribió:'),
  attribution('pt', `Em\\s${ANY}\\sescreveu\\s?[:：]`, 'Em 15 de jan. de 2024, às 14:30, João <joao@example.pt> escreveu:'),
  attribution('it', `(?:Il|In\\sdata)\\s${ANY}\\sha\\sscritto\\s?[:：]`, 'Il giorno lun 15 gen 2024 alle ore 14:30 Marco <marco@example.it> ha scritto:'),
  attribution('nl', `Op\\s${ANY}\\s(?:schreef|heeft|verzond)${ANY}[:：]`, 'Op 13-02-2014 3:18 schreef Julius Caesar <pantheon@rome.com>:'),
  attribution('nl', `${DATE_OR_ADDRESS}${ANY}\\sgeschreven\\s?[:：]`, 'Op 17-feb.-2015, om 13:18 heeft Julius Caesar <pantheon@rome.com> het volgende geschreven:'),
  attribution('pl', `${DATE_OR_ADDRESS}${ANY}\\s(?:napisał|napisała|napisał\\(a\\)|pisze)\\s?[:：]`, 'W dniu 28 stycznia 2015 01:53 użytkownik Zoe xxx <zoe.xxx@xxx.com> napisał:'),
  attribution('cs', `Dne\\s${ANY}\\snapsal(?:a|\\(a\\))?\\s?[:：]`, 'Dne 21. 12. 21 v 13:18 John Keeping napsal(a):'),
  attribution('ru', `${DATE_OR_ADDRESS}${ANY}\\s(?:написал|написала|написал\\(а\\)|пишет)\\s?[:：]`, '17 октября 2014 г., 11:28 пользователь Иван Петров <ivan@example.ru> написал:'),
  attribution('sv/no/da', `${DATE_OR_ADDRESS}${ANY}\\sskrev${ANY}[:：]`, 'Den 3 mars 2025 kl. 16:20 skrev Acme Support <support@acme.test>:'),
  attribution('sv/no/da', `${DATE_OR_ADDRESS}${ANY}\\sskrev\\s?[:：]`, 'Valentino Rudy <valentino@rudy.be> skrev:'),
  attribution('fi', `${DATE_OR_ADDRESS}${ANY}\\skirjoitti\\s?[:：]`, 'pe 20. lokakuuta 2017 klo 17.50 John Coe <s.testtesttest.i@test.com> kirjoitti:'),
  attribution('hu', `${DATE_OR_ADDRESS}${ANY}\\sírta\\s?[:：]`, '2024. jan. 15., h 14:30 Kovács Béla <bela@example.hu> írta:'),
  attribution('tr', `${DATE_OR_ADDRESS}${ANY}\\s(?:şunu\\s)?yazdı\\s?[:：]`, 'Abdul Basit <abdul@example.com>, 1 Ağu 2025 Cum, 08:06 tarihinde şunu yazdı:'),
  attribution('vi', `Vào\\s${ANY}\\sđã\\sviết\\s?[:：]`, 'Vào 14:30 Th 2, 15 thg 1, 2024 Nguyễn Văn A <a@example.vn> đã viết:'),
  attribution('zh', `(?:在|${DATE_OR_ADDRESS})${ANY}(?:写道|寫道)\\s?[:：]`, '在 2024年1月15日 14:30, 张伟 <zhang@example.cn> 写道：'),
  attribution('ja', `${DATE_OR_ADDRESS}${ANY}(?:書きました|のメッセージ|のメール)\\s?[:：]`, '2024/01/15 14:30、山田 <yamada@example.jp> のメッセージ:'),
  attribution('ko', `${DATE_OR_ADDRESS}${ANY}작성\\s?[:：]`, '2024. 1. 15. 오후 2:30, 김철수 <kim@example.kr>님이 작성:'),
  // Gmail in many languages writes only "DATE NAME <address>:" (ru "ср, 30 апр. 2025 г. в 15:19, John <a@b>:",
  // "2014-10-17 11:28 GMT+03:00 Postmaster <a@b>:"): a date's digits and an address in brackets, then a colon.
  attribution('any', `(?=[^\\n]{0,240}\\d)[^\\n]{0,240}[<\\[(]\\s?[^\\s<>\\[\\]()]{1,120}@[^\\s<>\\[\\]()]{1,120}[>\\])]\\s?[:：]`, 'ср, 30 апр. 2025 г. в 15:19, John Doe <doe@example.com>:'),
];

/**
 * How the first line of an attribution wrapped over several lines opens: a lead word of the table,
 * a date's digit, or a short weekday ("pe 20. lokakuuta", "ср, 30 апр."). A wrapped span opening
 * otherwise is the sender's own sentence followed by a one-line attribution.
 */
export const ATTRIBUTION_LEAD = /^(?:\d|\p{L}{1,4}[.,]?\s{1,3}\d|(?:on|am|le|el|em|il|in data|op|w dniu|dnia|dne|den|på|vào|在)\s)/iu;

/** Android's and K-9's "---- NAME wrote ----" / "------On DATE, NAME wrote-----": dashes round an attribution without colon. */
const DASHED = /^-{2,12}\s?([^\n]{1,480}?)\s?-{2,12}$/u;
// Inside dashes the verb alone is enough (the dashes are the signal): the verbs of the table above.
const DASHED_VERB =
  /\s(?:wrote|schrieb|a écrit|escribió|escreveu|ha scritto|schreef|geschreven|napisał|napisała|napsal|написал|написала|пишет|skrev|kirjoitti|írta|yazdı|đã viết|写道|寫道|작성|書きました)$/iu;

/** The words of "-----Original Message-----" rules (lower case); dashes or underscores around them. */
export const ORIGINAL_MESSAGE_WORDS: readonly string[] = [
  'original message', 'reply message', 'ursprüngliche nachricht', 'originalnachricht', 'antwort nachricht',
  "message d'origine", 'message original', 'mensaje original', 'messaggio originale', 'mensagem original',
  'oorspronkelijk bericht', 'origineel bericht', 'oprindelig meddelelse', 'oprindelig besked', 'opprinnelig melding',
  'ursprungligt meddelande', 'originalmeddelande', 'alkuperäinen viesti', 'исходное сообщение', 'oryginalna wiadomość',
  'wiadomość oryginalna', 'původní zpráva', 'eredeti üzenet', 'orijinal mesaj', 'tin nhắn gốc', '原始邮件', '原始郵件',
  '元のメッセージ', '원본 메시지',
];

/** The words of forward markers (lower case): what follows them is content the customer sends us, not a quote. */
export const FORWARD_WORDS: readonly string[] = [
  'forwarded message', 'begin forwarded message', 'weitergeleitete nachricht', 'anfang der weitergeleiteten nachricht',
  'message transféré', 'début du message réexpédié', 'début du message transféré', 'mensaje reenviado',
  'inicio del mensaje reenviado', 'messaggio inoltrato', 'inizio messaggio inoltrato', 'mensagem encaminhada',
  'início da mensagem reencaminhada', 'doorgestuurd bericht', 'begin doorgestuurd bericht', 'videresendt meddelelse',
  'videresendt melding', 'vidarebefordrat meddelande', 'välitetty viesti', 'przekazana wiadomość',
  'wiadomość przekazana dalej', 'přeposlaná zpráva', 'továbbított üzenet', 'iletilen ileti', 'пересылаемое сообщение',
  'пересланное сообщение', '转发的邮件', '轉寄的郵件', '転送されたメッセージ', '전달된 메시지',
];

// A rule line's words between dashes/underscores ("-----Original Message-----", "-------- Forwarded Message --------",
// "Begin forwarded message:"), lower-cased; null when the line is not shaped like one.
const RULE_LINE = /^[-_=\s]{0,40}([^-_=\n]{3,60}?)[-_=\s:]{0,40}$/u;

function ruleWords(line: string): string | null {
  if (line.length > 140) return null;
  const words = RULE_LINE.exec(line.trim())?.[1];
  return words === undefined ? null : words.trim().toLowerCase();
}

/** "-----Original Message-----" and its translations (dashes required, so a sentence is never one). */
export function isOriginalMessageRule(line: string): boolean {
  const words = ruleWords(line);
  return words !== null && /^[-_]/.test(line.trim()) && ORIGINAL_MESSAGE_WORDS.includes(words);
}

/** "---------- Forwarded message ---------", "Begin forwarded message:" and their translations. */
export function isForwardMarker(line: string): boolean {
  const words = ruleWords(line);
  return words !== null && FORWARD_WORDS.includes(words);
}

/** Whether a line (or wrapped lines joined by a space) is an "On DATE, NAME wrote:" attribution. */
export function isAttribution(candidate: string): boolean {
  const line = candidate.trim().replace(/^\*|\*$/g, '');
  if (line.length > 500) return false;
  const inner = DASHED.exec(line)?.[1]?.trim();
  if (inner !== undefined && DASHED_VERB.test(inner)) return true;
  if (!/[:：]$/.test(line)) return false;
  return ATTRIBUTIONS.some((a) => a.pattern.test(line));
}
