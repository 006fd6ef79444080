// The readable text of an RTF document (an Outlook body from winmail.dat): paragraphs, tabs,
// \'hh bytes in the document's ANSI code page and \uN characters; font tables, pictures, fields'
// instructions and every \* destination (including HTML tags of an encapsulated HTML body) are
// skipped. Formatting is dropped: agents need the words, the RTF itself stays in the attachment.
import { TextDecoder } from 'node:util';

const SKIPPED = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf',
  'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'fldinst', 'filetbl', 'revtbl', 'mmathPr',
]);
const WORD_TEXT: Record<string, string> = { par: '\n', line: '\n', sect: '\n\n', page: '\n\n', tab: '\t', emdash: '—', endash: '–', bullet: '•', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”' };
const SYMBOL_TEXT: Record<string, string> = { '\\': '\\', '{': '{', '}': '}', '~': '\u00a0', _: '\u2011', '\n': '\n', '\r': '\n' };

interface Group {
  skip: boolean;
  uc: number;
  /** No control word has been seen in this group yet (a destination word must come first). */
  fresh: boolean;
}

function decoderFor(codepage: number): TextDecoder {
  try {
    return new TextDecoder(`windows-${codepage}`);
  } catch {
    return new TextDecoder('windows-1252');
  }
}

export function rtfToText(rtf: string): string {
  const codepage = /\\ansicpg(\d+)/.exec(rtf);
  const decoder = decoderFor(codepage ? Number(codepage[1]) : 1252);
  const stack: Group[] = [];
  let group: Group = { skip: false, uc: 1, fresh: true };
  let out = '';
  let bytes: number[] = [];
  let fallbackToSkip = 0;
  const flushBytes = () => {
    if (bytes.length > 0 && !group.skip) out += decoder.decode(Buffer.from(bytes));
    bytes = [];
  };
  const emit = (text: string) => {
    flushBytes();
    if (!group.skip) out += text;
  };
  for (let i = 0; i < rtf.length; ) {
    const c = rtf[i]!;
    if (c === '{' || c === '}') {
      flushBytes();
      if (c === '{') {
        stack.push(group);
        group = { ...group, fresh: true };
      } else group = stack.pop() ?? group;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c !== '\\') {
      if (fallbackToSkip > 0) fallbackToSkip--;
      else emit(c);
      i++;
      continue;
    }
    const next = rtf[i + 1] ?? '';
    if (next === "'") {
      const byte = parseInt(rtf.slice(i + 2, i + 4), 16);
      i += 4;
      if (fallbackToSkip > 0) fallbackToSkip--;
      else if (!Number.isNaN(byte)) bytes.push(byte);
      continue;
    }
    const word = /^\\([a-zA-Z]+)(-?\d+)? ?/.exec(rtf.slice(i, i + 40));
    if (!word) {
      if (next === '*') group.skip = true;
      else if (SYMBOL_TEXT[next] !== undefined) emit(SYMBOL_TEXT[next]!);
      i += 2;
      continue;
    }
    i += word[0].length;
    const [, name = '', param] = word;
    if (group.fresh && SKIPPED.has(name)) group.skip = true;
    group.fresh = false;
    if (name === 'uc' && param !== undefined) group.uc = Number(param);
    else if (name === 'u' && param !== undefined) {
      const code = Number(param) < 0 ? Number(param) + 65536 : Number(param);
      emit(String.fromCharCode(code));
      fallbackToSkip = group.uc;
    } else if (WORD_TEXT[name] !== undefined) emit(WORD_TEXT[name]!);
  }
  flushBytes();
  return out.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
