/** Where a match lies in the original text: `start` inclusive, `end` exclusive (UTF-16 indices). */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Characters that are not seen when reading: soft hyphen, zero-width space, (non-)joiners, word joiner, byte order
 * mark, variation selectors and the rest of Unicode's default-ignorable code points. They are skipped while matching.
 */
const INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;

/**
 * DDMMYY, then at most one separator between the six and the four digits: whitespace of any kind (tab, newline,
 * no-break and thin spaces become spaces or stay whitespace under NFKC), and/or one dash of any kind (hyphen-minus,
 * U+2010–U+2015, minus sign, full-width and small hyphens) or a slash, e.g. "010190 - 1234". No digit may touch the
 * number on either side; a hyphen may (a leading or trailing hyphen does not hide a CPR number).
 */
const CPR_IN_VIEW = /(?<!\d)(\d{2})(\d{2})(\d{2})(?:\s{0,3}[\p{Pd}\u2212\u2043/]?\s{0,3})(\d{4})(?!\d)/gu;

/** True when day/month/year form a real calendar date (two-digit year: leap years by %4). */
function isValidCprDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * The text as it is matched (undefined when that is the text itself): NFKC-normalised per character (full-width
 * digits become ASCII digits, no-break spaces become spaces) with invisible characters left out, and for each of its
 * UTF-16 units where the original character it came from starts (`from`), so a match maps back to exactly the original
 * characters.
 */
interface MatchView {
  text: string;
  from: number[];
}

const NON_ASCII = /[^\u0000-\u007F]/;

/** How a character is seen while matching: '' when invisible, else its NFKC form. */
function seenAsOf(char: string): string {
  return INVISIBLE.test(char) ? '' : char.normalize('NFKC');
}

/** `seenAsOf` a character, each distinct one worked out once (kept in `seenAs`); ASCII is its own NFKC form and never invisible. */
function seenThrough(char: string, seenAs: Map<string, string>): string {
  if ((char.codePointAt(0) ?? 0) < 0x80) return char;
  let seen = seenAs.get(char);
  if (seen === undefined) seenAs.set(char, (seen = seenAsOf(char)));
  return seen;
}

/** True when some character of `text` is seen differently (invisible, or changed by NFKC). */
function changesWhenSeen(text: string, seenAs: Map<string, string>): boolean {
  for (const char of text) if (seenThrough(char, seenAs) !== char) return true;
  return false;
}

function matchView(text: string): MatchView | undefined {
  // ASCII text is its own view: nothing to normalise, nothing invisible, every index maps to itself. So is text whose
  // other characters (æøå, en dashes) are visible and their own NFKC form, and no view is built for it.
  if (!NON_ASCII.test(text)) return undefined;
  // Text repeats its characters: each distinct one is looked at once.
  const seenAs = new Map<string, string>();
  if (!changesWhenSeen(text, seenAs)) return undefined;
  const parts: string[] = [];
  const from: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const seen = seenThrough(text.slice(i, i + width), seenAs);
    for (let unit = 0; unit < seen.length; unit++) from.push(i);
    parts.push(seen);
    i += width;
  }
  return { text: parts.join(''), from };
}

/** Where the original character that starts at `index` ends. */
function characterEnd(text: string, index: number): number {
  return index + ((text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1);
}

/** Where the CPR numbers (valid dates only) are in `text`, however they are spelled; spans cover digits and separators. */
export function findCprSpans(text: string): TextSpan[] {
  const view = matchView(text);
  const spans: TextSpan[] = [];
  for (const match of (view?.text ?? text).matchAll(CPR_IN_VIEW)) {
    if (!isValidCprDate(Number(match[1]), Number(match[2]), Number(match[3]))) continue;
    const first = match.index;
    const end = first + match[0].length;
    spans.push(view ? { start: view.from[first] ?? 0, end: characterEnd(text, view.from[end - 1] ?? text.length) } : { start: first, end });
  }
  return spans;
}

/** Replaces each span (ascending, not overlapping) of `text` with `placeholder`; the text between them is kept as it was. */
export function replaceSpans(text: string, spans: readonly TextSpan[], placeholder: string): string {
  if (spans.length === 0) return text;
  const out: string[] = [];
  let at = 0;
  for (const span of spans) {
    out.push(text.slice(at, span.start), placeholder);
    at = span.end;
  }
  out.push(text.slice(at));
  return out.join('');
}
