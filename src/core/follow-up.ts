import { words } from '../knowledge/danish-text.ts';

/** How a follow-up to the last answer starts: "og …", "men …", "hvad med …", "hvad hvis …", "and …", "what about …". */
const FOLLOW_UP_STARTS: readonly (readonly string[])[] = [
  ['og'], ['men'], ['hvad', 'med'], ['hvad', 'hvis'], ['hvad', 'saa', 'med'], ['gaelder', 'det', 'ogsaa'], ['ogsaa'],
  ['and'], ['but'], ['what', 'about'], ['what', 'if'], ['how', 'about'], ['also'], ['does', 'that', 'apply'],
];

/** Longest message (in words) read as a follow-up; longer ones say enough on their own. */
const MAX_WORDS = 8;

/** True when a short message reads as a follow-up to the answer before it ("og på instagram?", "hvad hvis han er politiker"). */
export function isFollowUp(text: string): boolean {
  const typed = words(text);
  if (typed.length < 2 || typed.length > MAX_WORDS) return false;
  return FOLLOW_UP_STARTS.some((start) => start.every((word, i) => typed[i] === word));
}
