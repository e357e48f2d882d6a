import { words } from '../knowledge/danish-text.ts';

/** What a small-talk message is: a greeting, thanks, an ok, goodbye, "what can you do" or "who are you". */
export type SmallTalkKind = 'greeting' | 'thanks' | 'ok' | 'bye' | 'capabilities' | 'identity';

/** Phrases per kind, as folded words (æ→ae, ø→oe, å→aa); each word tolerates one typing slip (see `sameWord`). */
const PHRASES: Record<SmallTalkKind, readonly string[]> = {
  greeting: [
    'hej', 'hejsa', 'hey', 'hejhej', 'hej hej', 'hallo', 'halloej', 'goddag', 'god dag', 'godmorgen', 'god morgen',
    'godaften', 'god aften', 'davs', 'dav', 'mojn', 'moin', 'morn', 'hi', 'hello', 'hiya', 'good morning',
    'good afternoon', 'good evening', 'hvordan gaar det', 'hvordan har du det', 'how are you', 'how are you doing',
  ],
  thanks: [
    'tak', 'takker', 'mange tak', 'tusind tak', 'tusinde tak', '1000 tak', 'tak for hjaelpen', 'tak for det',
    'tak for svaret', 'tak for svarene', 'tak for nu', 'tak skal du have', 'thanks', 'thank you', 'thanks a lot',
    'thank you very much', 'many thanks', 'thanks for the help', 'thanks for your help', 'thx', 'thx for the help',
    'thx for your help', 'ty', 'cheers',
  ],
  ok: [
    'ok', 'okay', 'okey', 'fint', 'super', 'perfekt', 'fedt', 'godt', 'dejligt', 'forstaaet', 'nej tak', 'great', 'cool',
    'nice', 'got it', 'no thanks', 'no thank you',
  ],
  bye: [
    'farvel', 'vi ses', 'vi snakkes', 'ha en god dag', 'hav en god dag', 'god weekend', 'godnat', 'god nat', 'bye',
    'bye bye', 'goodbye', 'see you', 'see ya', 'have a nice day', 'have a good day', 'good night',
  ],
  capabilities: [
    'hvad kan du', 'hvad kan du hjaelpe med', 'hvad kan du hjaelpe mig med', 'hvad kan du hjaelpe os med',
    'hvad kan du goere', 'hvad kan du svare paa', 'hvad kan jeg spoerge om', 'hvad kan jeg spoerge dig om',
    'hvad kan jeg bruge dig til', 'hvad kan man bruge dig til', 'hvad kan man spoerge om', 'hvad ved du noget om',
    'hvordan virker du', 'hvordan bruger jeg dig', 'kan du hjaelpe', 'kan du hjaelpe mig', 'kan du hjaelpe os',
    'kan du hjaelpe mig med noget', 'kan du hjaelpe os med noget', 'jeg har brug for hjaelp', 'vi har brug for hjaelp',
    'jeg har et spoergsmaal', 'jeg har nogle spoergsmaal', 'can you help', 'can you help me', 'can you help us',
    'i need help', 'we need help', 'i have a question', 'what can you do', 'what can you help with', 'what can you help me with',
    'what do you do', 'how do you work', 'what can i ask', 'what can i ask you', 'what do you know about',
    'is there an english version', 'is there an english version of this advice', 'do you speak english', 'can you answer in english',
  ],
  identity: [
    'hvem er du', 'hvad er du', 'hvad hedder du', 'er du en bot', 'er du en robot', 'er du en chatbot', 'er du et menneske',
    'er du en ai', 'er du ai', 'who are you', 'what are you', 'what is your name', 'whats your name', 'are you a bot',
    'are you a robot', 'are you human', 'are you a person', 'are you ai', 'are you an ai',
  ],
};

/** Words that may surround small talk without changing it: the assistant's name, "du", "igen", "og" … */
const FILLERS = new Set([
  'du', 'dig', 'med', 'igen', 'og', 'alle', 'allesammen', 'der', 'there', 'you', 'again', 'and', 'so', 'much', 'very',
  'saa', 'meget', 'lige', 'bare', 'ja', 'yes', 'bot', 'some', 'someraadgiver', 'someraadgiveren', 'raadgiver',
  'raadgiveren', 'advisor', 'the', 'oh', 'aah', 'aha', 'egentlig', 'egentligt', 'actually', 'then',
]);

/** When a message holds several kinds ("hej, hvad kan du?"), the first of these is answered. */
const PRIORITY: readonly SmallTalkKind[] = ['capabilities', 'identity', 'thanks', 'bye', 'greeting', 'ok'];

/** Longest message (in words) read as small talk; longer ones are questions. */
const MAX_WORDS = 12;

const PHRASE_WORDS = (Object.entries(PHRASES) as [SmallTalkKind, readonly string[]][]).flatMap(([kind, phrases]) =>
  phrases.map((phrase) => ({ kind, words: phrase.split(' ') })),
);

/**
 * The kind of small talk a message is, when the whole message is greetings, thanks, goodbye, "ok", "what can you do"
 * or "who are you" (in Danish or English, with the assistant's name, emoji, punctuation and one typing slip per word
 * allowed); undefined for anything else, so a real question is never taken for small talk.
 */
export function smallTalkKind(text: string): SmallTalkKind | undefined {
  const tokens = words(text);
  if (tokens.length === 0 || tokens.length > MAX_WORDS) return undefined;
  const kinds = parse(tokens, 0, new Map());
  return kinds ? PRIORITY.find((kind) => kinds.has(kind)) : undefined;
}

/** The kinds met when `tokens` from `start` split wholly into phrases and fillers; undefined when they do not. */
function parse(tokens: readonly string[], start: number, memo: Map<number, Set<SmallTalkKind> | undefined>): Set<SmallTalkKind> | undefined {
  if (start === tokens.length) return new Set();
  if (memo.has(start)) return memo.get(start);
  let found: Set<SmallTalkKind> | undefined;
  for (const phrase of PHRASE_WORDS) {
    if (!phrase.words.every((word, i) => sameWord(tokens[start + i], word))) continue;
    const rest = parse(tokens, start + phrase.words.length, memo);
    if (rest) found = new Set([...(found ?? []), ...rest, phrase.kind]);
  }
  if (!found && FILLERS.has(tokens[start] ?? '')) found = parse(tokens, start + 1, memo);
  memo.set(start, found);
  return found;
}

/**
 * True when a typed word is the phrase word or one slip from it: one letter added, dropped or changed (words of four
 * letters or more), or two neighbouring letters swapped (three or more). Short words must otherwise be exact.
 */
export function sameWord(typed: string | undefined, word: string): boolean {
  if (typed === undefined) return false;
  if (typed === word) return true;
  const longest = Math.max(typed.length, word.length);
  if (longest < 3 || Math.abs(typed.length - word.length) > 1) return false;
  if (typed.length === word.length) {
    const differ = [...word].flatMap((ch, i) => (ch === typed[i] ? [] : [i]));
    const [first, second] = differ;
    if (differ.length === 2 && first !== undefined && second === first + 1) return typed[first] === word[second] && typed[second] === word[first];
    return differ.length === 1 && longest >= 4;
  }
  if (longest < 4) return false;
  const [short, long] = typed.length < word.length ? [typed, word] : [word, typed];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}
