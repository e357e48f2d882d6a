import Fuse from 'fuse.js';
import { foldDanish, isStopWord } from '../knowledge/danish-text.ts';
import { parseCommand } from '../core/commands.ts';

/** Lower-case, æ/ø/å folded to ae/oe/aa, accents and punctuation removed, spaces collapsed. */
export function normaliseAnswer(text: string): string {
  return foldDanish(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The 1-based number typed as an answer ("2", "2.", "nr. 2"), or undefined. */
export function typedNumber(text: string): number | undefined {
  const match = /^\s*(?:nr\.?\s*)?(\d{1,2})\s*[.)]?\s*$/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** The navigation command a typed text means (`tilbage`, `start forfra`, `stop` …), or undefined (the core's command words). */
export function typedCommand(text: string): 'back' | 'restart' | 'stop' | undefined {
  const command = parseCommand(text);
  return command === 'back' || command === 'restart' || command === 'stop' ? command : undefined;
}

/** Most a fuzzy match may differ (Fuse score: 0 exact, 1 anything). */
const FUZZY_THRESHOLD = 0.4;
/** Shorter typed text must match exactly ("hej" is not a misspelling of "fejl"). */
const MIN_FUZZY_LENGTH = 4;
/** How much better the best match must be than the best other answer. */
const FUZZY_MARGIN = 0.15;

/** Words that open an answer without saying anything ("ok nej …", "øh ja …"). */
const FILLERS = new Set(['ok', 'okay', 'oke', 'oeh', 'oh', 'hmm', 'hm', 'tja', 'naa', 'altsaa', 'well', 'um', 'uh']);
/** Words that answer yes or no, by the word the labels use for it. */
const YES_NO: Readonly<Record<string, 'ja' | 'nej'>> = { ja: 'ja', jo: 'ja', jep: 'ja', jeps: 'ja', jaa: 'ja', yes: 'ja', yep: 'ja', yeah: 'ja', nej: 'nej', nope: 'nej', naeh: 'nej', no: 'nej' };

/** The word an answer opens with after filler words, read as "ja"/"nej" when it says yes or no ("jo", "nope" …). */
function openingWord(query: string): string | undefined {
  const first = query.split(' ').find((word) => !FILLERS.has(word));
  return first === undefined ? undefined : (YES_NO[first] ?? first);
}

/** The word a label opens with, read the same way ("Ja – …" → "ja", "Delvist – …" → "delvist"). */
function labelOpening(label: string): string {
  const first = normaliseAnswer(label).split(' ')[0] ?? '';
  return YES_NO[first] ?? first;
}

/** The part of a label before its explanation ("Kritik af kommunen – saglig …" → "Kritik af kommunen"). */
function keyPhrase(label: string): string {
  return label.split(/\s[–—-]\s|[,(:]/)[0] ?? label;
}

/**
 * The index of the answer whose label the text names: exactly (ignoring case, æøå spelling and punctuation), by the
 * word it opens with when one answer opens with that word ("ok nej det har vi ikke" → "Nej – …", "delvist, vi burde
 * …" → "Delvist – …"), or, when `fuzzy`, as a
 * close misspelling of the label or of its key phrase. Undefined when no answer or several fit.
 */
export function matchLabel(text: string, labels: readonly (readonly string[])[], fuzzy: boolean): number | undefined {
  const query = normaliseAnswer(text);
  if (query === '') return undefined;
  const exact = labels.findIndex((variants) => variants.some((v) => normaliseAnswer(v) === query));
  if (exact >= 0) return exact;
  const byKey = labels.flatMap((variants, i) => (variants.some((v) => normaliseAnswer(keyPhrase(v)) === query) ? [i] : []));
  if (byKey.length === 1) return byKey[0];
  if (byKey.length > 1) return undefined;
  // "ja det er fredag aften" answers the one "Ja – …" there is, "kritik tror jeg, …" the one "Kritik af …"; a question
  // ("ja men hvad …?") does not, nor an opening word that says nothing of its own ("vi …")
  const opening = text.includes('?') ? undefined : openingWord(query);
  const meaningful = opening !== undefined && (opening === 'ja' || opening === 'nej' || !isStopWord(opening));
  const saying = meaningful ? labels.flatMap((variants, i) => (variants.some((v) => labelOpening(v) === opening) ? [i] : [])) : [];
  if (saying.length === 1) return saying[0];
  if (!fuzzy || query.length < MIN_FUZZY_LENGTH) return undefined;
  // words that say nothing of their own ("ved ikke") are no misspelling of an answer that has them ("… der ikke passer")
  if (query.split(' ').every(isStopWord)) return undefined;
  const entries = labels.flatMap((variants, index) =>
    variants.flatMap((v) => [
      { index, text: normaliseAnswer(v) },
      { index, text: normaliseAnswer(keyPhrase(v)) },
    ]),
  );
  const longest = Math.max(...entries.map((e) => e.text.length));
  if (query.length > longest + 10) return undefined;
  const hits = new Fuse(entries, { keys: ['text'], includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true }).search(query);
  const best = hits[0];
  if (!best || best.score === undefined) return undefined;
  const rival = hits.find((h) => h.item.index !== best.item.index);
  if (rival?.score !== undefined && rival.score - best.score < FUZZY_MARGIN) return undefined;
  return best.item.index;
}
