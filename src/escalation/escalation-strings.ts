import type { Locale } from '../core/turn.ts';
import type { Urgency } from './office-hours.ts';

const DA = {
  formTitle: 'Tal med en konsulent fra KL Kommunikation',
  formSubmit: 'Send henvendelsen',
  formIntro: 'Udfyld felterne, så sender jeg din henvendelse til en konsulent. Del ikke oplysninger om borgere.',
  topic: 'Emne',
  description: 'Kort beskrivelse',
  descriptionHint: 'Hvad drejer det sig om, og hvad har du brug for hjælp til?',
  urgency: 'Hvor haster det?',
  urgencyLabels: { urgent: 'Akut – krise i gang', days: 'Inden for et par dage', none: 'Ingen hast' } satisfies Record<Urgency, string>,
  municipality: 'Kommune',
  contactName: 'Dit navn',
  contact: 'E-mail eller telefon',
  contactHint: 'Så konsulenten kan få fat i dig, fx navn@kommune.dk eller 12 34 56 78',
  consent: 'Konsulenten må se de seneste beskeder i denne samtale (personoplysninger fjernes)',
  required: (label: string) => `Udfyld "${label}".`,
  tooLong: (label: string, max: number) => `"${label}" må højst være ${max} tegn.`,
  badUrgency: 'Vælg en af de tre muligheder for, hvor meget det haster.',
  badContact: 'Skriv en gyldig e-mailadresse (navn@kommune.dk) eller et telefonnummer med 8 cifre.',
  fixErrors: 'Der mangler noget i formularen. Ret felterne med en fejl, og send igen.',
  confirmation: (number: string) => `Tak. Din henvendelse er sendt til KL Kommunikation som sag **${number}**.`,
  caseNumber: 'Sagsnummer',
  expectAnswer: 'Du kan forvente svar',
  expectAnswerRule: {
    urgent: 'inden for 2 timer i kontortiden, hverdage 9–16',
    days: 'inden for 2 arbejdsdage',
    none: 'inden for 5 arbejdsdage',
  } satisfies Record<Urgency, string>,
  contactFollowUp: 'En konsulent kontakter dig på de oplysninger, du har givet. Du får også besked her, når sagen er taget.',
  notSaved: 'Beklager, din henvendelse blev ikke gemt, fordi databasen ikke svarer. Send formularen igen om et øjeblik.',
  claimed: (consultant: string, number: string) =>
    `${consultant} fra KL Kommunikation har overtaget din henvendelse ${number} og kontakter dig snarest.`,
  resolved: (consultant: string, number: string) => `Din henvendelse ${number} er afsluttet af ${consultant} fra KL Kommunikation. Skriv igen, hvis du har brug for mere hjælp.`,
  inboxTitle: (number: string, urgency: string) => `Ny henvendelse ${number} · ${urgency}`,
  inboxClaimed: (consultant: string) => `Overtaget af ${consultant}`,
  inboxResolved: (consultant: string) => `Afsluttet af ${consultant}`,
  claimButton: 'Overtag',
  resolveButton: 'Afslut',
  transcript: 'Samtalen (personoplysninger fjernet)',
  noTranscript: 'Brugeren har ikke givet samtykke til at dele samtalen.',
  requester: 'Fra',
};

const EN: typeof DA = {
  formTitle: 'Talk to a KL Kommunikation consultant',
  formSubmit: 'Send the request',
  formIntro: 'Fill in the fields and I will pass your request to a consultant. Do not share details about citizens.',
  topic: 'Topic',
  description: 'Short description',
  descriptionHint: 'What is it about, and what do you need help with?',
  urgency: 'How urgent is it?',
  urgencyLabels: { urgent: 'Urgent – crisis under way', days: 'Within a few days', none: 'No rush' },
  municipality: 'Municipality',
  contactName: 'Your name',
  contact: 'E-mail or phone',
  contactHint: 'So the consultant can reach you, e.g. name@kommune.dk or 12 34 56 78',
  consent: 'The consultant may see the latest messages in this conversation (personal data removed)',
  required: (label) => `Please fill in "${label}".`,
  tooLong: (label, max) => `"${label}" can be at most ${max} characters.`,
  badUrgency: 'Choose one of the three urgency options.',
  badContact: 'Enter a valid e-mail address (name@kommune.dk) or an 8-digit phone number.',
  fixErrors: 'Something is missing in the form. Correct the fields marked with an error and send it again.',
  confirmation: (number) => `Thank you. Your request has been sent to KL Kommunikation as case **${number}**.`,
  caseNumber: 'Case number',
  expectAnswer: 'Expect an answer',
  expectAnswerRule: {
    urgent: 'within 2 office hours, weekdays 9–16',
    days: 'within 2 working days',
    none: 'within 5 working days',
  },
  contactFollowUp: 'A consultant will contact you using the details you gave. You will also hear here when the case is taken.',
  notSaved: 'Sorry, your request was not saved because the database is not answering. Please send the form again in a moment.',
  claimed: (consultant, number) => `${consultant} from KL Kommunikation has taken your request ${number} and will contact you shortly.`,
  resolved: (consultant, number) => `Your request ${number} has been closed by ${consultant} from KL Kommunikation. Write again if you need more help.`,
  inboxTitle: (number, urgency) => `New request ${number} · ${urgency}`,
  inboxClaimed: (consultant) => `Taken by ${consultant}`,
  inboxResolved: (consultant) => `Closed by ${consultant}`,
  claimButton: 'Overtag',
  resolveButton: 'Afslut',
  transcript: 'The conversation (personal data removed)',
  noTranscript: 'The user did not consent to sharing the conversation.',
  requester: 'From',
};

/** Interface strings of the escalation module. */
export type EscalationStrings = typeof DA;

/** The escalation strings for a locale (Danish by default). */
export function escalationStrings(locale: Locale | undefined): EscalationStrings {
  return locale === 'en' ? EN : DA;
}

/** Formats a time for people in Copenhagen, e.g. "tirsdag 17. marts kl. 16.00". */
export function formatDanishTime(at: Date, locale: Locale | undefined): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
    timeZone: 'Europe/Copenhagen',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}
