import { conversationStrings } from '../i18n/conversation-strings.ts';
import type { SearchOutcome } from '../knowledge/search-policy.ts';
import type { ConversationState } from '../shared/conversation-state.ts';
import type { Locale } from '../shared/locale.ts';
import { answerWithGuide } from './answer-with-guide.ts';
import { hitChoice, noAnswer, suggestions, textMessage } from './answers.ts';
import { dangerIn, SAFETY_ENTRY, threatMentioned, type DangerKind } from './danger-signals.ts';
import { followUpSearch } from './follow-up.ts';
import type { Message } from './message.ts';
import { isAtOutcome } from './paused-flows.ts';
import { withoutPlaceholders } from './redact.ts';
import type { RoutedTurn } from './routed-turn.ts';
import type { RouterDeps } from './router-deps.ts';
import { sameAnswerAgain } from './same-answer.ts';
import { showHit } from './show-hit.ts';
import type { TurnEvent } from './turn-events.ts';

/** Answers a typed question from the knowledge base: the answer (with a guide beside it), "Mente du …?" or the fallback. */
export function answerQuestion(text: string, state: ConversationState, deps: RouterDeps, locale: Locale): RoutedTurn {
  const meaning = withoutPlaceholders(text);
  const alone = deps.knowledge.search(meaning);
  const followUp = followUpSearch(meaning, state.lastTopic, deps.knowledge);
  // a follow-up is read with the answer before it when it says too little on its own, and always after a safety
  // answer: a short message then is about the same person in danger
  const afterSafety = Object.values(SAFETY_ENTRY).includes(state.lastTopic?.id ?? '');
  const outcome = followUp && (!alone.confident || afterSafety) ? followUp : alone;
  const top = outcome.results[0];
  const search = { query: text, topId: top?.id, score: top?.score, confident: outcome.confident };
  const events: TurnEvent[] = [
    { type: 'question_asked', text, topKind: top?.kind, topId: top?.id, score: top?.score, confident: outcome.confident, decision: outcome.decision },
  ];
  const base: ConversationState = isAtOutcome(state) ? { ...state, flow: undefined, flowOutcome: undefined } : state;
  const safety = safetyFirst(text, meaning, outcome, base, deps, locale);
  if (safety) return { ...safety, search, events: [...events, { type: 'safety_answer', danger: safety.danger, id: SAFETY_ENTRY[safety.danger] }] };
  let messages: Message[];
  let next = base;
  if (outcome.decision === 'answer' && top) {
    const paired = answerWithGuide(outcome.results, deps.knowledge);
    const shown = paired ? showHit('faq', paired.entryId, base, deps, locale, false, paired.guideId) : showHit(top.kind, top.id, base, deps, locale);
    // a follow-up answered on its own ("og på instagram?"): its reading with the answer before it is offered beside it
    const withContext = followUp?.results[0];
    const context = outcome === alone && withContext?.kind === 'faq' && withContext.id !== top.id ? hitChoice(withContext, deps.knowledge) : undefined;
    const other = context ? [textMessage(conversationStrings(locale).followUpAlternative, [context])] : [];
    // the same entry as the answer just before: say so, so a different question does not seem answered
    const again = shown.state.lastTopic?.kind === 'faq' && state.lastTopic?.kind === 'faq' && shown.state.lastTopic.id === state.lastTopic.id;
    const marked = again && shown.state.lastTopic ? [sameAnswerAgain(shown.state.lastTopic.id, shown.state.lastTopic.title, shown.messages[0], locale), ...shown.messages.slice(1)] : shown.messages;
    messages = [...marked, ...other];
    next = shown.state;
  } else if (outcome.decision === 'suggest') {
    const hits = outcome.results.filter((h) => h.score >= (top?.score ?? 0) * 0.6);
    messages = [suggestions(text, hits, deps.knowledge, locale, outcome.outsideDoubt)];
    // the answer before is no longer the one "just before": the same entry next is not "the same answer again"
    next = { ...base, lastTopic: undefined };
    events.push({ type: 'did_you_mean_shown', text, ids: hits.slice(0, 3).map((h) => `${h.kind}:${h.id}`) });
  } else {
    messages = [noAnswer(deps.knowledge, locale, outcome.outside)];
    next = { ...base, lastTopic: undefined };
    events.push({ type: 'no_answer', text, ...(outcome.outside ? { outside: outcome.outside } : {}) });
  }
  return { messages, state: next, search, events };
}

/** True when a typed message was answered with a safety entry (it tells of danger). */
export function safetyAnswered(answered: RoutedTurn): boolean {
  return answered.events?.some((event) => event.type === 'safety_answer') ?? false;
}

/** True when a typed question got only "Mente du …?" (guesses), and no safety answer. */
export function onlyGuessed(answered: RoutedTurn): boolean {
  return (answered.events?.some((event) => event.type === 'did_you_mean_shown') ?? false) && !safetyAnswered(answered);
}

/** True when a typed question was turned away as out of scope: an area of knowledge/outside.yaml took it. */
export function turnedAway(answered: RoutedTurn): boolean {
  return answered.events?.some((event) => event.type === 'no_answer' && event.outside !== undefined) ?? false;
}

/** True when a typed question got the fallback: no entry, no guess, and no out-of-scope area that took it. */
export function foundNothing(answered: RoutedTurn): boolean {
  return answered.events?.some((event) => event.type === 'no_answer' && event.outside === undefined) ?? false;
}

/**
 * A message that tells of violence or of someone who may take their own life (or names a threat, when the search has
 * no confident answer) is answered with the safety entry for that danger (it leads with 112), whatever the search
 * found; another entry the search was confident of follows as "Mente du …?". Undefined when there is no such danger,
 * when the search answers with that entry anyway, or when it does not exist.
 */
function safetyFirst(text: string, meaning: string, outcome: SearchOutcome, state: ConversationState, deps: RouterDeps, locale: Locale): (RoutedTurn & { danger: DangerKind }) | undefined {
  const danger = dangerIn(meaning) ?? (!outcome.confident && threatMentioned(meaning) ? 'violence' : undefined);
  if (!danger) return undefined;
  const entryId = SAFETY_ENTRY[danger];
  const [top] = outcome.results;
  if (outcome.confident && top?.kind === 'faq' && top.id === entryId) return undefined;
  const shown = showHit('faq', entryId, state, deps, locale);
  if (shown.messages.length === 0) return undefined;
  // an answer the search was sure of is still offered after the safety answer, as the other half of the message (not
  // as "Jeg er ikke helt sikker …" under an answer given with confidence); a mere guess is not
  const other = outcome.confident && top && top.id !== entryId ? hitChoice(top, deps.knowledge) : undefined;
  const overridden = other ? [textMessage(conversationStrings(locale).alsoAbout, [other])] : [];
  return { ...shown, messages: [...shown.messages, ...overridden], danger };
}
