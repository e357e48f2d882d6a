import { words } from '../knowledge/danish-text.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { SearchOutcome } from '../knowledge/search-policy.ts';
import type { ConversationState } from '../shared/conversation-state.ts';

/** How a follow-up to the last answer starts: "og …", "men …", "hvad med …", "hvad hvis …", "and …", "what about …". */
const FOLLOW_UP_STARTS: readonly (readonly string[])[] = [
  ['og'], ['men'], ['hvad', 'med'], ['hvad', 'hvis'], ['hvad', 'saa', 'med'], ['gaelder', 'det', 'ogsaa'], ['ogsaa'],
  ['and'], ['but'], ['what', 'about'], ['what', 'if'], ['how', 'about'], ['also'], ['does', 'that', 'apply'],
];

/** Words that point back at someone or something already mentioned ("skal jeg svare hende"). */
const POINTING_BACK = new Set(['hende', 'ham', 'dem', 'han', 'hun', 'de', 'her', 'him', 'them', 'she', 'he', 'they']);

/** Longest message (in words) read as a follow-up; longer ones say enough on their own. */
const MAX_WORDS = 8;
/** Longest message (in words) whose pointing-back word makes it a follow-up. */
const MAX_POINTING_WORDS = 6;

/**
 * True when a short message reads as a follow-up to the answer before it: it starts as one does ("og på instagram?",
 * "hvad hvis han er politiker"), or it is very short and points back at someone already mentioned ("skal jeg svare hende").
 */
export function isFollowUp(text: string): boolean {
  const typed = words(text);
  const count = wordCount(text);
  if (count < 2 || count > MAX_WORDS) return false;
  if (FOLLOW_UP_STARTS.some((start) => start.every((word, i) => typed[i] === word))) return true;
  return count <= MAX_POINTING_WORDS && typed.some((word) => POINTING_BACK.has(word));
}

/** Letters joined by an apostrophe ("she's", "don't", "KL's"). */
const CONTRACTION = /(?<=\p{L})['’](?=\p{L})/gu;

/** How many words a person typed: a contraction counts as one ("she's running" is two words, not three). */
function wordCount(text: string): number {
  return words(text.replace(CONTRACTION, '')).length;
}

/**
 * A short follow-up to the last answer ("og på instagram?", "hvad hvis det er en byrådspolitiker?") searched together
 * with that answer's title, when that search is confident; undefined otherwise.
 */
export function followUpSearch(text: string, lastTopic: ConversationState['lastTopic'], knowledge: KnowledgeBase): SearchOutcome | undefined {
  if (lastTopic?.kind !== 'faq' || !isFollowUp(text)) return undefined;
  const outcome = knowledge.search(`${lastTopic.title} ${text}`);
  return outcome.confident ? outcome : undefined;
}
