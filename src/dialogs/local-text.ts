import type { Locale } from '../shared/locale.ts';
import type { LocalText } from './flow-schema.ts';

/** The text in the wanted language; English falls back to Danish when no translation is given. */
export function localText(text: LocalText, locale: Locale): string {
  if (typeof text === 'string') return text;
  return locale === 'en' && text.en !== undefined ? text.en : text.da;
}

/** Every language variant of a text (for checks that apply to all of them, such as label length). */
export function allVariants(text: LocalText): string[] {
  if (typeof text === 'string') return [text];
  return text.en === undefined ? [text.da] : [text.da, text.en];
}
