import type { PersonalDataKind } from '../core/redact.ts';
import type { Channel } from '../core/turn.ts';
import type { Locale } from '../shared/locale.ts';
import type { CaseStatus } from '../store/records.ts';
import type { MessageRefusal } from './case-messages.ts';
import type { DeliveryRecord } from './case-payload.ts';
import type { CaseEvent } from './notifier.ts';
import type { Urgency } from './office-hours.ts';

/** Items as a sentence lists them: "a", "a og b", "a, b og c". */
function listed(items: string[], and: string): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1) ?? ''}`;
}

/** The text with its first letter in upper case. */
function capitalised(text: string): string {
  return `${text.charAt(0).toLocaleUpperCase('da')}${text.slice(1)}`;
}

const DA_REMOVED: Record<PersonalDataKind, string> = { cpr: 'CPR-nummeret', email: 'e-mailadressen', phone: 'telefonnummeret' };
const EN_REMOVED: Record<PersonalDataKind, string> = { cpr: 'the CPR number', email: 'the e-mail address', phone: 'the phone number' };

/** What a notification tells, by case event, for the requester and for the consultants (events neither hears of are left out). */
type NotificationNames = Partial<Record<CaseEvent, string>>;

const DA_TO_REQUESTER: NotificationNames = {
  claimed: 'Besked til brugeren om, at sagen er overtaget',
  resolved: 'Besked til brugeren om, at sagen er afsluttet',
  reply: 'Svar til brugeren',
  undeliverable: 'Besked til brugeren om, at ingen konsulent har set sagen',
};
const DA_TO_CONSULTANTS: NotificationNames = {
  new: 'Ny sag til konsulenterne',
  claimed: 'Overtagelsen vist for konsulenterne',
  resolved: 'Afslutningen vist for konsulenterne',
  reply: 'Svaret vist i konsulenternes tråd',
  answer: 'Brugerens svar til konsulenterne',
};
const EN_TO_REQUESTER: NotificationNames = {
  claimed: 'Notice to the user that the case is taken',
  resolved: 'Notice to the user that the case is closed',
  reply: 'Reply to the user',
  undeliverable: 'Notice to the user that no consultant has seen the case',
};
const EN_TO_CONSULTANTS: NotificationNames = {
  new: 'New case to the consultants',
  claimed: 'Case taken, shown to the consultants',
  resolved: 'Case closed, shown to the consultants',
  reply: "Reply shown in the consultants' thread",
  answer: "The user's answer to the consultants",
};

const DA = {
  caseNumber: 'Sagsnummer',
  status: 'Status',
  statusLabels: { new: 'Ny', claimed: 'Overtaget', resolved: 'Afsluttet' } satisfies Record<CaseStatus, string>,
  urgency: 'Hastegrad',
  urgencyLabels: { urgent: 'Akut – krise i gang', days: 'Inden for et par dage', none: 'Ingen hast' } satisfies Record<Urgency, string>,
  municipality: 'Kommune',
  topic: 'Emne',
  name: 'Navn',
  contact: 'Kontakt',
  writtenFrom: 'Skrevet fra',
  platforms: { slack: 'Slack', teams: 'Teams', console: 'terminalen', web: 'playground' } satisfies Record<Channel, string>,
  expectedBy: 'Forventet svar',
  nothingPromised: 'intet lovet – sagen nåede ingen konsulent, da den blev oprettet, og brugeren fik intet tidspunkt',
  description: 'Beskrivelse',
  transcript: 'Samtalen (CPR-numre, e-mailadresser og telefonnumre fjernet)',
  noTranscript: 'Brugeren har ikke givet samtykke til at dele samtalen.',
  user: 'Bruger',
  userPressed: 'Bruger valgte',
  bot: 'SoMe-rådgiveren',
  exchange: 'Beskeder',
  consultant: (by: string) => `Konsulent (${by})`,
  history: 'Forløb',
  historyLabels: { new: 'oprettet', claimed: 'overtaget', resolved: 'afsluttet' } satisfies Record<CaseStatus, string>,
  notifications: 'Notifikationer',
  deliveryStatus: { sent: 'sendt', retrying: 'prøves igen', failed: 'opgivet' } satisfies Record<DeliveryRecord['status'], string>,
  delivery: (status: string, attempts: number, at: string) => `${status} efter ${attempts} forsøg (${at})`,
  notificationToRequester: DA_TO_REQUESTER,
  notificationToConsultants: DA_TO_CONSULTANTS,
  emailPlace: 'e-mail',
  noDeliveries: 'ingen sendt eller fejlet endnu (venter i udbakken)',
  noRoute: 'ingen konsulentkanal – sagen er ikke sendt til nogen',
  failedMark: 'notifikation opgivet',
  answerWaiting: (number: string) => `brugeren har svaret – læs det med "cases show ${number}"`,
  noCases: 'Ingen sager.',
  inboxTitle: (number: string, urgency: string) => `Ny henvendelse ${number} · ${urgency}`,
  inboxClaimed: (consultant: string) => `Overtaget af ${consultant}`,
  inboxResolved: (consultant: string) => `Afsluttet af ${consultant}`,
  claimButton: 'Overtag',
  resolveButton: 'Afslut',
  slackReplyHint: 'Svar brugeren ved at skrive i tråden under dette kort.',
  teamsReplyHint: 'Svar brugeren ved at skrive @SoMe-rådgiveren og dit svar i tråden under dette kort.',
  answerInThread: (number: string) => `Brugeren svarer (sag ${number}):`,
  replyInThread: (by: string, number: string) => `${by} svarede brugeren (sag ${number}):`,
  refused: {
    'not-found': 'Sagen findes ikke; svaret er ikke sendt.',
    'not-requester': 'Svaret er ikke sendt.',
    resolved: 'Sagen er afsluttet, så svaret er ikke sendt til brugeren.',
    empty: 'Svaret er tomt; skriv teksten i tråden.',
    'too-long': 'Svaret er for langt (højst 2.000 tegn) og er ikke sendt. Del det op, eller ring/skriv til brugeren.',
    full: 'Sagen har nået det største antal beskeder; kontakt brugeren på telefon eller e-mail.',
  } satisfies Record<MessageRefusal, string>,
  answerSubject: (number: string) => `[${number}] Brugeren svarer`,
  emptyReply: 'Svaret er tomt og er ikke sendt. Skriv teksten efter sagsnummeret: some-advisor cases reply KL-2026-0001 "Jeg ringer dig op i eftermiddag." --by "Dit navn"',
  noCase: (ref: string) => `Der er ingen sag med nummeret "${ref}". Tjek nummeret med "some-advisor cases list".`,
  claimClosed: (number: string) => `Sag ${number} er afsluttet og kan ikke overtages.`,
  changedMeanwhile: (number: string) => `Sag ${number} blev ændret, mens kommandoen kørte, og intet er gjort. Kør kommandoen igen.`,
  alreadyClaimed: (consultant: string) => `Sagen er allerede overtaget af ${consultant}.`,
  alreadyYours: (number: string) => `Du har allerede overtaget sag ${number}; intet nyt er sendt.`,
  claimedFor: (number: string, requester: string) => `✓ Du har overtaget sag ${number}. ${requester} får besked.`,
  resolvedFor: (number: string, requester: string) => `✓ Sag ${number} er afsluttet. ${requester} får besked.`,
  alreadyResolved: (number: string) => `Sag ${number} er allerede afsluttet; intet nyt er sendt.`,
  deleted: (number: string) => `✓ Sag ${number} er slettet med alle oplysninger (kontakt, samtale, beskeder).`,
  relayedTo: (requester: string, number: string) => `✓ Sendt til ${requester} (sag ${number}).`,
  removedFromReply: (kinds: PersonalDataKind[]) =>
    `${capitalised(listed(kinds.map((k) => DA_REMOVED[k]), 'og'))} i svaret er fjernet, før det blev sendt. Giv ${kinds.length > 1 ? 'dem' : 'det'} til brugeren på anden måde.`,
};

const EN: typeof DA = {
  caseNumber: 'Case number',
  status: 'Status',
  statusLabels: { new: 'New', claimed: 'Taken', resolved: 'Closed' },
  urgency: 'Urgency',
  urgencyLabels: { urgent: 'Urgent – crisis under way', days: 'Within a few days', none: 'No rush' },
  municipality: 'Municipality',
  topic: 'Topic',
  name: 'Name',
  contact: 'Contact',
  writtenFrom: 'Written from',
  platforms: { slack: 'Slack', teams: 'Teams', console: 'the terminal', web: 'the playground' },
  expectedBy: 'Answer expected',
  nothingPromised: 'nothing promised – the case reached no consultant when it was opened, and the user was given no time',
  description: 'Description',
  transcript: 'The conversation (CPR numbers, e-mail addresses and phone numbers removed)',
  noTranscript: 'The user did not consent to sharing the conversation.',
  user: 'User',
  userPressed: 'User chose',
  bot: 'SoMe Advisor',
  exchange: 'Messages',
  consultant: (by) => `Consultant (${by})`,
  history: 'History',
  historyLabels: { new: 'opened', claimed: 'taken', resolved: 'closed' },
  notifications: 'Notifications',
  deliveryStatus: { sent: 'sent', retrying: 'retrying', failed: 'given up' },
  delivery: (status, attempts, at) => `${status} after ${attempts} attempt(s) (${at})`,
  notificationToRequester: EN_TO_REQUESTER,
  notificationToConsultants: EN_TO_CONSULTANTS,
  emailPlace: 'e-mail',
  noDeliveries: 'none sent or failed yet (waiting in the outbox)',
  noRoute: 'no consultant channel – the case was sent to nobody',
  failedMark: 'notification given up',
  answerWaiting: (number) => `the requester has answered – read it with "cases show ${number}"`,
  noCases: 'No cases.',
  inboxTitle: (number, urgency) => `New request ${number} · ${urgency}`,
  inboxClaimed: (consultant) => `Taken by ${consultant}`,
  inboxResolved: (consultant) => `Closed by ${consultant}`,
  claimButton: 'Overtag',
  resolveButton: 'Afslut',
  slackReplyHint: 'Answer the user by writing in the thread under this card.',
  teamsReplyHint: 'Answer the user by writing @SoMe-rådgiveren and your answer in the thread under this card.',
  answerInThread: (number) => `The user answers (case ${number}):`,
  replyInThread: (by, number) => `${by} answered the user (case ${number}):`,
  refused: {
    'not-found': 'The case does not exist; the answer was not sent.',
    'not-requester': 'The answer was not sent.',
    resolved: 'The case is closed, so the answer was not sent to the user.',
    empty: 'The answer is empty; write the text in the thread.',
    'too-long': 'The answer is too long (at most 2,000 characters) and was not sent. Split it up, or call or write to the user.',
    full: 'The case has reached the largest number of messages; contact the user by phone or e-mail.',
  },
  answerSubject: (number) => `[${number}] The user answers`,
  emptyReply: 'The answer is empty and was not sent. Write the text after the case number: some-advisor cases reply KL-2026-0001 "I will call you this afternoon." --by "Your name"',
  noCase: (ref) => `There is no case numbered "${ref}". Check the number with "some-advisor cases list".`,
  claimClosed: (number) => `Case ${number} is closed and cannot be taken.`,
  changedMeanwhile: (number) => `Case ${number} changed while the command ran, and nothing was done. Run the command again.`,
  alreadyClaimed: (consultant) => `The case has already been taken by ${consultant}.`,
  alreadyYours: (number) => `You have already taken case ${number}; nothing new was sent.`,
  claimedFor: (number, requester) => `✓ You have taken case ${number}. ${requester} is told.`,
  resolvedFor: (number, requester) => `✓ Case ${number} is closed. ${requester} is told.`,
  alreadyResolved: (number) => `Case ${number} is already closed; nothing new was sent.`,
  deleted: (number) => `✓ Case ${number} has been deleted with all its data (contact, conversation, messages).`,
  relayedTo: (requester, number) => `✓ Sent to ${requester} (case ${number}).`,
  removedFromReply: (kinds) =>
    `${capitalised(listed(kinds.map((k) => EN_REMOVED[k]), 'and'))} in the reply ${kinds.length > 1 ? 'were' : 'was'} removed before it was sent. Give ${kinds.length > 1 ? 'them' : 'it'} to the user another way.`,
};

/** The consultant-facing strings (case view, inbox cards, `cases` command). */
export type ConsultantStrings = typeof DA;

/** The consultant-facing strings for a locale (Danish by default). */
export function consultantStrings(locale: Locale | undefined): ConsultantStrings {
  return locale === 'en' ? EN : DA;
}
