import type { Locale } from '../../shared/locale.ts';

/** Interface strings that only the Slack adapter shows. */
export interface SlackStrings {
  openForm: string;
  chosen: (label: string) => string;
  truncated: string;
  cancel: string;
  homeAbout: string;
  formNotDelivered: string;
}

const STRINGS: Record<Locale, SlackStrings> = {
  da: {
    openForm: 'Udfyld formularen',
    chosen: (label) => `Du valgte: ${label}`,
    truncated: 'Svaret er forkortet her i Slack. Skriv "menu" for at se mulighederne.',
    cancel: 'Annuller',
    homeAbout: 'Skriv til mig under fanen *Beskeder*, eller nævn mig i en kanal. Du kan også bruge `/some`.',
    formNotDelivered: 'Formularen blev ikke sendt. Prøv igen om lidt.',
  },
  en: {
    openForm: 'Fill in the form',
    chosen: (label) => `You chose: ${label}`,
    truncated: 'The answer was shortened here in Slack. Type "menu" to see the options.',
    cancel: 'Cancel',
    homeAbout: 'Write to me in the *Messages* tab, or mention me in a channel. You can also use `/some`.',
    formNotDelivered: 'The form was not sent. Please try again in a moment.',
  },
};

/** The Slack adapter's strings in one language. */
export function slackStrings(locale: Locale): SlackStrings {
  return STRINGS[locale];
}
