import fc from 'fast-check';

/** Every separator people (and Word's autocorrect, and copy-paste from PDFs) put between the six and the four digits. */
export const CPR_SEPARATORS: Record<string, string> = {
  none: '',
  'hyphen-minus': '-',
  'hyphen U+2010': '\u2010',
  'non-breaking hyphen U+2011': '\u2011',
  'figure dash U+2012': '\u2012',
  'en dash': '\u2013',
  'em dash': '\u2014',
  'horizontal bar U+2015': '\u2015',
  'minus sign U+2212': '\u2212',
  'small hyphen-minus U+FE63': '\uFE63',
  'full-width hyphen-minus U+FF0D': '\uFF0D',
  space: ' ',
  tab: '\t',
  newline: '\n',
  'CR LF': '\r\n',
  'no-break space': '\u00A0',
  'narrow no-break space': '\u202F',
  'thin space': '\u2009',
  'figure space': '\u2007',
  'ideographic space': '\u3000',
  slash: '/',
  'spaced hyphen " - "': ' - ',
  'spaced en dash " – "': ' \u2013 ',
  'soft hyphen': '\u00AD',
  'zero-width space': '\u200B',
  'word joiner': '\u2060',
};

/** Characters nobody sees that may sit anywhere inside a number. */
export const INVISIBLES = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];

/** A CPR number's ten digits (DDMMYY + four), always a real date. */
export const cprDigits = fc
  .record({ month: fc.integer({ min: 1, max: 12 }), dayOfMonth: fc.integer({ min: 1, max: 28 }), year: fc.integer({ min: 0, max: 99 }), serial: fc.integer({ min: 0, max: 9999 }) })
  .map(({ month, dayOfMonth, year, serial }) => [dayOfMonth, month, year].map((n) => String(n).padStart(2, '0')).join('') + String(serial).padStart(4, '0'));

/** One way of writing a CPR number: its digits and the spelling as typed. */
export interface CprSpelling {
  digits: string;
  typed: string;
  separator: string;
}

const toFullWidth = (digit: string) => String.fromCharCode(0xff10 + Number(digit));

/**
 * A CPR number as people really type it: any separator, some digits full-width, invisible characters inside, and
 * sometimes a hyphen right before or after.
 */
export const cprSpelling: fc.Arbitrary<CprSpelling> = fc
  .record({
    digits: cprDigits,
    separator: fc.constantFrom(...Object.keys(CPR_SEPARATORS)),
    fullWidth: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    invisibles: fc.array(fc.record({ at: fc.integer({ min: 1, max: 9 }), char: fc.constantFrom(...INVISIBLES) }), { maxLength: 2 }),
    leading: fc.constantFrom('', '-', '\u2013'),
    trailing: fc.constantFrom('', '-', '.', '\u2013'),
  })
  .map(({ digits, separator, fullWidth, invisibles, leading, trailing }) => {
    const chars = [...digits].map((d, i) => (fullWidth[i] ? toFullWidth(d) : d));
    const inside = chars.map((c, i) => c + invisibles.filter((v) => v.at === i + 1).map((v) => v.char).join(''));
    const typed = `${leading}${inside.slice(0, 6).join('')}${CPR_SEPARATORS[separator] ?? ''}${inside.slice(6).join('')}${trailing}`;
    return { digits, typed, separator };
  });

/**
 * The CPR numbers (as their ten digits) that survive in `text`: read after NFKC with invisible characters removed,
 * and with every dash, space and slash removed, so any spelling of the number is found.
 */
export function survivingCprNumbers(text: string, digits: readonly string[]): string[] {
  const flat = text.normalize('NFKC').replace(/[\p{Default_Ignorable_Code_Point}\p{Pd}\u2212\s/]|\\[nrt]|\\u[0-9a-fA-F]{4}/gu, '');
  return digits.filter((d) => flat.includes(d));
}
