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
  /** Said when a choice field got something that is none of its choices (`labels`, in their order). */
  notAnOption(labels: readonly string[]): string;
  /** Said to a typed number when fewer buttons (`count`) are shown. */
  noSuchButton(number: number, count: number): string;
  /** Said to a typed number when no buttons are shown. */
  noButtons: string;
  /** The command the chat sends for the user when it opens in the middle of a guide: it shows the guide's step (and reads so in the transcript). */
  resumeGuide: string;
}

const STRINGS: Record<Locale, ChatStrings> = {
  da: {
    formHint: '(Skriv "stop" for at afbryde. Tryk Enter for at beholde en forudfyldt værdi.)',
    yesNoHint: '(j/n)',
    yes: 'j',
    no: 'n',
    notAnOption: (labels) => `Det er ikke et af svarene. Skriv et tal fra 1 til ${labels.length} eller et af svarene: ${labels.join(', ')}.`,
    noSuchButton: (number, count) => `Der er ingen knap ${number}. Skriv et tal fra 1 til ${count}, eller skriv dit spørgsmål.`,
    noButtons: 'Der er ingen knapper at trykke på lige nu. Skriv dit spørgsmål.',
    resumeGuide: 'fortsæt guiden',
  },
  en: {
    formHint: '(Type "stop" to cancel. Press Enter to keep a prefilled value.)',
    yesNoHint: '(y/n)',
    yes: 'y',
    no: 'n',
    notAnOption: (labels) => `That is not one of the answers. Type a number from 1 to ${labels.length} or one of the answers: ${labels.join(', ')}.`,
    noSuchButton: (number, count) => `There is no button ${number}. Type a number from 1 to ${count}, or type your question.`,
    noButtons: 'There are no buttons to press right now. Type your question.',
    resumeGuide: 'continue the guide',
  },
};

/** The readable chat's strings for a locale. */
export function chatStrings(locale: Locale): ChatStrings {
  return STRINGS[locale];
}
