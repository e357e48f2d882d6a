import type { Locale } from '../shared/locale.ts';
import type { MessageRefusal } from './case-messages.ts';
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
  contactHint: 'Så konsulenten kan få fat i dig, fx navn@kommune.dk, 12 34 56 78 eller begge',
  consent: 'Konsulenten må se de seneste beskeder i denne samtale (CPR-numre, e-mailadresser og telefonnumre fjernes)',
  required: (label: string) => `Udfyld "${label}".`,
  tooLong: (label: string, max: number) => `"${label}" må højst være ${max} tegn.`,
  badUrgency: 'Vælg en af de tre muligheder for, hvor meget det haster.',
  badContact: 'Skriv en gyldig e-mailadresse (navn@kommune.dk), et telefonnummer med 8 cifre eller begge.',
  fixErrors: 'Noget i formularen skal rettes. Se felterne med en fejl, og send igen.',
  confirmation: (number: string) => `Tak. Din henvendelse er sendt til KL Kommunikation som sag **${number}**.`,
  caseNumber: 'Sagsnummer',
  expectAnswer: 'Du kan forvente svar',
  expectAnswerRule: {
    urgent: 'inden for 2 timer i kontortiden, hverdage 9–16',
    days: 'inden for 2 arbejdsdage',
    none: 'inden for 5 arbejdsdage',
  } satisfies Record<Urgency, string>,
  contactFollowUp: 'En konsulent kontakter dig på de oplysninger, du har givet. Du får også besked her, når sagen er taget, og når konsulenten skriver til dig.',
  notSaved: 'Beklager, din henvendelse blev ikke gemt, fordi databasen ikke svarer. Send formularen igen om et øjeblik.',
  claimed: (consultant: string, number: string) =>
    `${consultant} fra KL Kommunikation har overtaget din henvendelse ${number} og kontakter dig snarest.`,
  resolved: (consultant: string, number: string) =>
    `Din henvendelse ${number} er afsluttet af ${consultant} fra KL Kommunikation, og samtalen med konsulenten er slut. Skriv igen, hvis du har brug for mere hjælp.`,
  registered: (number: string) => `Din henvendelse er registreret som sag **${number}**, men den er ikke sendt til KL Kommunikation: der er ikke sat nogen konsulentkanal op i denne installation.`,
  registeredFollowUp:
    'Sagen står i sagslisten hos dem, der driver SoMe-rådgiveren hos jer, og den sendes til KL Kommunikation, så snart en konsulentkanal er sat op. Du får besked her, når en konsulent har taget den.',
  seenFrom: 'En konsulent ser den tidligst',
  urgentOutsideHours: (time: string) => `Det er uden for KL Kommunikations kontortid (hverdage kl. 9–16), så ingen konsulent ser din henvendelse før ${time}.`,
  urgentNoRoute: 'Ingen konsulent får besked om din henvendelse lige nu.',
  urgentNow: 'Gør dette nu',
  urgentSteps: [
    'Er nogen i fare, så ring **112**.',
    'Inddrag jeres egen ledelse og kommunens krisestab nu – vent ikke på KL.',
  ],
  crisisStep: 'Er det en shitstorm, så følg guiden til de første skridt (knappen herunder).',
  crisisGuide: (title: string) => `Åbn guiden: ${title}`,
  undeliverable: (number: string) =>
    `Din henvendelse ${number} kunne ikke sendes til KL Kommunikation, selv efter gentagne forsøg. Den er gemt, men ingen konsulent har set den. Dem, der driver SoMe-rådgiveren hos jer, kan se fejlen; haster det, så kontakt KL Kommunikation ad en anden vej.`,
  consultantWrites: (consultant: string, number: string) => `**Konsulenten skriver** (${consultant}, sag ${number}):`,
  replyButton: 'Svar konsulenten',
  replyCancelled: 'Dit svar til konsulenten er ikke sendt. Sagen er stadig åben, og du kan skrive til konsulenten, når du vil.',
  replyClosed: 'Sagen er afsluttet, så du kan ikke længere svare konsulenten her. Skriv "tal med en konsulent", hvis du har brug for mere hjælp.',
  replyFormTitle: 'Svar konsulenten',
  replyFormField: 'Dit svar',
  replyFormHint: 'Del ikke oplysninger om borgere. CPR-numre, e-mailadresser og telefonnumre fjernes, før svaret sendes, men navne og andre oplysninger gør ikke.',
  replyFormSubmit: 'Send svaret',
  replyFormIntro: 'Skriv dit svar til konsulenten:',
  answerSent: (number: string) => `Sendt til konsulenten i sag ${number}.`,
  answerRefused: {
    'not-found': 'Det svar kan ikke sendes herfra. Skriv "tal med en konsulent" for at lave en ny henvendelse.',
    'not-requester': 'Det svar kan ikke sendes herfra. Skriv "tal med en konsulent" for at lave en ny henvendelse.',
    resolved: 'Sagen er afsluttet, så svaret er ikke sendt. Skriv "tal med en konsulent", hvis du har brug for mere hjælp.',
    empty: 'Svaret er tomt. Skriv det, du vil sende til konsulenten.',
    'too-long': 'Svaret er for langt (højst 2.000 tegn). Forkort det, og send igen.',
    full: 'Sagen har nået det største antal beskeder. Konsulenten kontakter dig på telefon eller e-mail.',
  } satisfies Record<MessageRefusal, string>,
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
  contactHint: 'So the consultant can reach you, e.g. name@kommune.dk, 12 34 56 78 or both',
  consent: 'The consultant may see the latest messages in this conversation (CPR numbers, e-mail addresses and phone numbers removed)',
  required: (label) => `Please fill in "${label}".`,
  tooLong: (label, max) => `"${label}" can be at most ${max} characters.`,
  badUrgency: 'Choose one of the three urgency options.',
  badContact: 'Enter a valid e-mail address (name@kommune.dk), an 8-digit phone number, or both.',
  fixErrors: 'Something in the form needs correcting. See the fields marked with an error and send it again.',
  confirmation: (number) => `Thank you. Your request has been sent to KL Kommunikation as case **${number}**.`,
  caseNumber: 'Case number',
  expectAnswer: 'Expect an answer',
  expectAnswerRule: {
    urgent: 'within 2 office hours, weekdays 9–16',
    days: 'within 2 working days',
    none: 'within 5 working days',
  },
  contactFollowUp: 'A consultant will contact you using the details you gave. You will also hear here when the case is taken and when the consultant writes to you.',
  notSaved: 'Sorry, your request was not saved because the database is not answering. Please send the form again in a moment.',
  claimed: (consultant, number) => `${consultant} from KL Kommunikation has taken your request ${number} and will contact you shortly.`,
  resolved: (consultant, number) =>
    `Your request ${number} has been closed by ${consultant} from KL Kommunikation, and the conversation with the consultant has ended. Write again if you need more help.`,
  registered: (number) => `Your request is registered as case **${number}**, but it has not been sent to KL Kommunikation: no consultant channel is set up in this installation.`,
  registeredFollowUp:
    'The case is in the case list of the people who run the SoMe Advisor for you, and it is sent to KL Kommunikation as soon as a consultant channel is set up. You will hear here when a consultant has taken it.',
  seenFrom: 'A consultant will see it at the earliest',
  urgentOutsideHours: (time) => `It is outside KL Kommunikation's office hours (weekdays 9–16), so no consultant will see your request before ${time}.`,
  urgentNoRoute: 'No consultant is told about your request right now.',
  urgentNow: 'Do this now',
  urgentSteps: [
    'If anyone is in danger, call **112**.',
    "Involve your own management and the municipality's crisis staff now – do not wait for KL.",
  ],
  crisisStep: 'If it is a shitstorm, follow the guide to the first steps (the button below).',
  crisisGuide: (title) => `Open the guide: ${title}`,
  undeliverable: (number) =>
    `Your request ${number} could not be sent to KL Kommunikation, even after repeated attempts. It is saved, but no consultant has seen it. The people who run the SoMe Advisor for you can see the error; if it is urgent, contact KL Kommunikation another way.`,
  consultantWrites: (consultant, number) => `**The consultant writes** (${consultant}, case ${number}):`,
  replyButton: 'Answer the consultant',
  replyCancelled: 'Your answer to the consultant was not sent. The case is still open, and you can write to the consultant whenever you like.',
  replyClosed: 'The case is closed, so you can no longer answer the consultant here. Write "talk to a human" if you need more help.',
  replyFormTitle: 'Answer the consultant',
  replyFormField: 'Your answer',
  replyFormHint: 'Do not share details about citizens. CPR numbers, e-mail addresses and phone numbers are removed before the answer is sent; names and other details are not.',
  replyFormSubmit: 'Send the answer',
  replyFormIntro: 'Write your answer to the consultant:',
  answerSent: (number) => `Sent to the consultant in case ${number}.`,
  answerRefused: {
    'not-found': 'That answer cannot be sent from here. Write "talk to a human" to make a new request.',
    'not-requester': 'That answer cannot be sent from here. Write "talk to a human" to make a new request.',
    resolved: 'The case is closed, so the answer was not sent. Write "talk to a human" if you need more help.',
    empty: 'The answer is empty. Write what you want to send to the consultant.',
    'too-long': 'The answer is too long (at most 2,000 characters). Shorten it and send it again.',
    full: 'The case has reached the largest number of messages. The consultant will contact you by phone or e-mail.',
  },
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
