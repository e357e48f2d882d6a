import type { Request } from 'express';
import type { Locale } from '../../shared/locale.ts';

/** A language the user chose explicitly with `?lang=da|en`, if any. */
export function chosenLocale(req: Request): Locale | undefined {
  const lang = req.query.lang;
  return lang === 'da' || lang === 'en' ? lang : undefined;
}

/** The interface language for a request: `?lang=` first, then the browser's Accept-Language, else Danish. */
export function requestLocale(req: Request): Locale {
  return chosenLocale(req) ?? (req.acceptsLanguages('da', 'en') === 'en' ? 'en' : 'da');
}
