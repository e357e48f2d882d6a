import type { Locale } from '../../core/turn.ts';

/** The few interface strings only the Teams adapter shows (card states after a submit). */
const STRINGS = {
  da: {
    youChose: (label: string) => `✓ Du valgte: ${label}`,
    choiceRegistered: '✓ Dit valg er modtaget.',
    formReceived: '✓ Svarene er sendt.',
    yes: 'Ja',
    no: 'Nej',
    requiredField: (label: string) => `Udfyld "${label}".`,
  },
  en: {
    youChose: (label: string) => `✓ You chose: ${label}`,
    choiceRegistered: '✓ Your choice was received.',
    formReceived: '✓ Your answers were sent.',
    yes: 'Yes',
    no: 'No',
    requiredField: (label: string) => `Please fill in "${label}".`,
  },
} as const;

/** The Teams adapter's strings for a locale. */
export function teamsStrings(locale: Locale): (typeof STRINGS)[Locale] {
  return STRINGS[locale];
}
