import type { Locale } from '../shared/locale.ts';

/** Interface strings of the readable terminal chat itself (the bot's replies bring their own). */
export interface ChatStrings {
  /** Said once above a form's first field. */
  formHint: string;
  /** Shown under a yes/no field. */
  yesNoHint: string;
  /** A prefilled yes/no value as the user types it. */
  yes: string;
  no: string;
}

const STRINGS: Record<Locale, ChatStrings> = {
  da: {
    formHint: '(Skriv "stop" for at afbryde. Tryk Enter for at beholde en forudfyldt værdi.)',
    yesNoHint: '(j/n)',
    yes: 'j',
    no: 'n',
  },
  en: {
    formHint: '(Type "stop" to cancel. Press Enter to keep a prefilled value.)',
    yesNoHint: '(y/n)',
    yes: 'y',
    no: 'n',
  },
};

/** The readable chat's strings for a locale. */
export function chatStrings(locale: Locale): ChatStrings {
  return STRINGS[locale];
}
