import type { TextSpan } from './cpr-numbers.ts';

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** A domain label character: a letter or digit of any script, or '-'. */
function isLabelChar(code: number, char: string): boolean {
  if (code < 0x80) return isAsciiAlnum(code) || code === 45;
  return LETTER_OR_DIGIT.test(char);
}

/** A local-part character: a label character or one of `._%+`. */
function isLocalChar(code: number, char: string): boolean {
  return isLabelChar(code, char) || code === 46 || code === 95 || code === 37 || code === 43;
}

/** The code point that ends just before `index`, with its width in UTF-16 units. */
function codePointBefore(text: string, index: number): { code: number; width: number } {
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  if (low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff) return { code: text.codePointAt(index - 2) ?? low, width: 2 };
  return { code: low, width: 1 };
}

/** Index after the run of label characters starting at `index` (`index` itself when there is none). */
function labelEnd(text: string, index: number): number {
  let at = index;
  while (at < text.length) {
    const code = text.codePointAt(at) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    if (!isLabelChar(code, text.slice(at, at + width))) break;
    at += width;
  }
  return at;
}

/**
 * End of the domain starting at `index` (labels joined by single dots), or -1 when there is none. One label is enough:
 * an address typed without its ending ("hanne@vejle") still says who someone is.
 */
function domainEnd(text: string, index: number): number {
  let end = labelEnd(text, index);
  if (end === index) return -1;
  while (text.charCodeAt(end) === 46) {
    const next = labelEnd(text, end + 1);
    if (next === end + 1) break;
    end = next;
  }
  return end;
}

/**
 * Where e-mail addresses (local part of letters, digits and `._%+-`, '@', a domain) are in `text`. Linear: only
 * '@' signs start a search, the local part is read backwards no further than the previous '@' or match, and the domain
 * forwards no further than the next '@', so no character is read more than a few times whatever the input.
 */
export function findEmailSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let floor = 0;
  for (let at = text.indexOf('@'); at !== -1; ) {
    let start = at;
    while (start > floor) {
      const { code, width } = codePointBefore(text, start);
      if (!isLocalChar(code, String.fromCodePoint(code))) break;
      start -= width;
    }
    const end = start < at ? domainEnd(text, at + 1) : -1;
    if (end === -1) {
      at = text.indexOf('@', at + 1);
      continue;
    }
    spans.push({ start, end });
    floor = end;
    at = text.indexOf('@', end);
  }
  return spans;
}
