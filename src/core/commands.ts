import { foldDanish } from '../knowledge/danish-text.ts';

/** Global commands that work at any time, in Danish and English. */
export type GlobalCommand = 'menu' | 'restart' | 'stop' | 'back' | 'continue' | 'escalate' | 'none';

const EXACT: Record<string, GlobalCommand> = {
  hjaelp: 'menu',
  hjalp: 'menu',
  help: 'menu',
  menu: 'menu',
  menuen: 'menu',
  '?': 'menu',
  start: 'menu',
  'start forfra': 'restart',
  forfra: 'restart',
  'begynd forfra': 'restart',
  restart: 'restart',
  'start over': 'restart',
  stop: 'stop',
  stopp: 'stop',
  afbryd: 'stop',
  annuller: 'stop',
  cancel: 'stop',
  quit: 'stop',
  'stop guiden': 'stop',
  'stop guide': 'stop',
  'stop the guide': 'stop',
  afslut: 'stop',
  exit: 'stop',
  'start igen': 'restart',
  tilbage: 'back',
  back: 'back',
  'gaa tilbage': 'back',
  'ga tilbage': 'back',
  'go back': 'back',
  forrige: 'back',
  previous: 'back',
  fortsaet: 'continue',
  'fortsaet guiden': 'continue',
  'fortsaet guide': 'continue',
  'fortsaet med guiden': 'continue',
  videre: 'continue',
  'videre i guiden': 'continue',
  continue: 'continue',
  'continue the guide': 'continue',
  'continue guide': 'continue',
  konsulent: 'escalate',
  'kontakt konsulent': 'escalate',
  'kontakt en konsulent': 'escalate',
  'kontakt kl': 'escalate',
};

/** "I want a human" phrasings, matched on folded text anywhere in a short message. */
const ESCALATE = [
  /\b(tal|tale|snak|snakke|kontakt|kontakte|ringe?|skrive?|fat i|chatte?)\b.{0,20}\b(konsulent|menneske|person|medarbejder|kl)\b/,
  /\b(talk|speak|chat)\b.{0,15}\b(human|person|consultant|someone|somebody|real)\b/,
  /\b(et|a|rigtigt?) (menneske|human)\b/,
  /\bhuman (please|agent|help)\b/,
];

/**
 * The user asking, also inside a longer message, to talk to, be called by, reach or get help from a consultant or a
 * human ("kan jeg tale med en konsulent, det her er for meget", "kan en konsulent ringe mig", "kan vi få fat i en
 * konsulent"), on folded text. A question about consultants ("hvad koster en konsulent") is not such a request.
 */
const ASKED = [
  /\b(jeg|vi|man|mig|os)\b.{0,30}\b(tale|snakke|chatte) med (en|et|jeres|kls?) (konsulent|menneske)/,
  /\b(jeg|vi|man)\b.{0,30}\b(faa|fa|faar|far) (fat i|hjaelp fra|hjaelp af|hjalp fra|hjalp af) (en|et|jeres|kls?) (konsulent|menneske)/,
  /\b(faa|fa) (en|et) (konsulent|menneske) til at\b/,
  /\b(en|et) (konsulent|menneske) (jeg|vi|man) (kan|maa|ma) (tale|snakke|chatte) med\b/,
  /\b(konsulent|menneske)(en|t)?\b.{0,20}\b(ringe|kontakte|skrive)( til)? (mig|os)\b/,
  /\b(i|we)\b.{0,30}\b(talk|speak|chat) (to|with) (a|an|your|a real) (consultant|human|person)\b/,
  /\b(consultant|human)\b.{0,20}\b(call|contact|phone|ring) (me|us)\b/,
];
/** Longest message (in words) read for an ASKED request; a longer one is about something else. */
const MAX_ASKING_WORDS = 25;

/** Words that may come before a command without changing it ("ok videre", "fint, tilbage"). */
const LEADING_FILLER = /^(?:ok|okay|oki|okey|jamen|saa|godt|fint|super|perfekt|tak)[\s,]+/;

/** Recognises a global command in typed text; undefined when the text is an ordinary message. */
export function parseCommand(text: string): GlobalCommand | undefined {
  const folded = foldDanish(text).replace(/[!.,;:]+$/g, '').replace(/\s+/g, ' ').trim();
  const exact = EXACT[folded] ?? EXACT[folded.replace(LEADING_FILLER, '')];
  if (exact) return exact;
  const wordCount = folded.split(' ').length;
  if (wordCount <= 10 && ESCALATE.some((pattern) => pattern.test(folded))) return 'escalate';
  if (wordCount <= MAX_ASKING_WORDS && ASKED.some((pattern) => pattern.test(folded))) return 'escalate';
  return undefined;
}

/** Action ids for global commands, as carried by buttons (`cmd:menu` …). */
export function commandAction(command: GlobalCommand): string {
  return `cmd:${command}`;
}

/** The "Fortsæt guiden" button of one guide: `cmd:continue:<flow id>`. */
export function continueAction(flowId: string): string {
  return `cmd:continue:${flowId}`;
}

/** The guide a `cmd:continue:<flow id>` button continues, or undefined for any other action. */
export function continuedFlow(actionId: string): string | undefined {
  return /^cmd:continue:(.+)$/.exec(actionId)?.[1];
}

/** Reads a `cmd:` action id back into a command. */
export function commandFromAction(actionId: string): GlobalCommand | undefined {
  const match = /^cmd:(menu|restart|stop|back|continue|escalate|none)$/.exec(actionId);
  return match?.[1] as GlobalCommand | undefined;
}
