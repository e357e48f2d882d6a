import type { TurnInput } from '../core/turn.ts';
import { MAX_LENGTH } from './escalation-request.ts';

/** What a request names after "om"/"about" ("kan en konsulent ringe mig om kollegaens billede?" → "kollegaens billede"). */
const ABOUT = /\b(?:om(?!\s+muligt\b)|angående|vedrørende|vedr\.|about|regarding)\s+(.+)$/iu;

/**
 * The topic a consultant request typed as a sentence names itself, if any: what follows "om"/"about", without the
 * closing punctuation, at most as long as the topic field takes.
 */
export function requestedTopic(input: TurnInput): string | undefined {
  if (input.kind !== 'text') return undefined;
  const named = ABOUT.exec(input.text.trim())?.[1]?.replace(/[\s?!.]+$/u, '').trim();
  return named && named.length >= 3 ? named.slice(0, MAX_LENGTH.topic) : undefined;
}
