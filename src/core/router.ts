import { conversationStrings } from '../i18n/conversation-strings.ts';
import { stringsFor } from '../i18n/strings.ts';
import { foldDanish } from '../knowledge/danish-text.ts';
import { correctSlips } from '../knowledge/typing-slips.ts';
import type { ConversationState, FlowPosition } from '../shared/conversation-state.ts';
import type { Locale } from '../shared/locale.ts';
import { answerQuestion, foundNothing, onlyGuessed, safetyAnswered, turnedAway } from './answer-question.ts';
import { commandAction, commandFromAction, continueAction, continuedFlow, parseCommand, type GlobalCommand } from './commands.ts';
import { ASK_ADVISOR, awaitedConsultant, consultantAnswerOffer, isConsultantChoice } from './consultant-answer.ts';
import { parseFeedbackAction } from './feedback-actions.ts';
import { acknowledgeFeedback, withFeedbackComment } from './feedback-route.ts';
import { applyFlow } from './flow-reply.ts';
import { heldAnswerOffer, heldSlipsOffer, isHeldChoice, putAsQuestion, readsAsQuestion, saysUnsure, USE_AS_ANSWER, USE_CORRECTED } from './held-answer.ts';
import type { Message } from './message.ts';
import { feedbackWasOffered, formWasOffered } from './offered-inputs.ts';
import { guideAtQuestion, isAtOutcome, keepStoppedFlow } from './paused-flows.ts';
import { withoutPlaceholders } from './redact.ts';
import type { RoutedTurn } from './routed-turn.ts';
import type { RouterDeps } from './router-deps.ts';
import { showHit } from './show-hit.ts';
import { smallTalkReply } from './small-talk-reply.ts';
import { smallTalkKind } from './small-talk.ts';
import { menu, noAnswer, textMessage } from './answers.ts';
import type { Turn, TurnInput } from './turn.ts';

/** Decides the reply to one turn given the conversation's state. Pure: no I/O. */
export function routeTurn(turn: Turn, stored: ConversationState, deps: RouterDeps): RoutedTurn {
  const locale = turn.user.locale;
  const input = numberedChoice(turn.input, stored);
  // A pending "what was missing?" comment and a held question or message only apply to the very next turn.
  const { feedbackComment, heldAnswer, heldForConsultant, ...state } = stored;
  if (state.flow && deps.flows.isCurrent(state.flow) === false) {
    const title = deps.knowledge.flows.get(state.flow.flowId)?.title ?? state.flow.flowId;
    const restarted = deps.flows.start(state.flow.flowId, locale);
    const notice = textMessage(stringsFor(locale).flowRestartedAfterChange(title));
    return restarted ? applyFlow(state, restarted, locale, [notice], true) : { messages: [menu(deps.knowledge, locale, stringsFor(locale).unknownFlow)], state: { ...state, flow: undefined } };
  }
  switch (input.kind) {
    case 'text': {
      const routed = routeText(turn, input.text, state, deps);
      // Only a searched text is a comment: commands, flow answers and empty input are not.
      return feedbackComment && routed.search ? withFeedbackComment(feedbackComment, input.text, routed, state, locale) : routed;
    }
    case 'action':
      if (heldAnswer && isHeldChoice(input.actionId)) return routeHeld(input.actionId, heldAnswer, state, deps, locale);
      if (heldForConsultant !== undefined && isConsultantChoice(input.actionId)) return routeHeldForConsultant(turn, input.actionId, heldForConsultant, state, deps);
      return routeAction(turn, input.actionId, state, deps);
    case 'form': {
      // Only a form this conversation was shown is accepted; anything else is stale or forged.
      const submitted = formWasOffered(state, input.formId) ? deps.escalation.submit(turn, input.formId, input.values, state) : undefined;
      return submitted ? answeredConsultant(input.formId, submitted) : staleChoice(state, deps, locale);
    }
  }
}

function routeText(turn: Turn, text: string, state: ConversationState, deps: RouterDeps): RoutedTurn {
  const locale = turn.user.locale;
  // what the message says, without the placeholders of the personal data taken out of it; `text` is what is kept
  const meaning = withoutPlaceholders(text);
  const command = parseCommand(meaning);
  if (command) return routeCommand(turn, command, state, deps);
  // after a consultant's message, what is typed may be the answer to it: asked, never guessed either way
  const consultant = awaitedConsultant(state);
  if (consultant) return { messages: [consultantAnswerOffer(consultant.caseNumber, locale)], state: { ...state, heldForConsultant: text } };
  const smallTalk = smallTalkKind(meaning);
  if (smallTalk) {
    const messages = [smallTalkReply(smallTalk, deps.knowledge, locale), ...pausedFlowOffer(state, deps, locale)];
    return { messages, state, events: [{ type: 'small_talk', kind: smallTalk }] };
  }
  if (state.flow && !isAtOutcome(state)) {
    // A question typed where the guide wants free text is not taken as the answer without asking; nor is an answer
    // with obvious typing slips, which the user may have corrected (never without asking).
    if (deps.flows.awaitsText(state.flow)) {
      const held = { flowId: state.flow.flowId, nodeId: state.flow.nodeId, text };
      if (readsAsQuestion(meaning, deps.knowledge.search(meaning))) return { messages: [heldAnswerOffer(locale)], state: { ...state, heldAnswer: held } };
      const slips = deps.knowledge.typingSlips(text);
      if (slips.length > 0) return { messages: [heldSlipsOffer(slips, locale)], state: { ...state, heldAnswer: { ...held, corrected: correctSlips(text, slips) } } };
    }
    const step = deps.flows.step(state.flow, { kind: 'text', text }, locale);
    if (step) return applyFlow(state, step, locale);
  }
  if (foldDanish(meaning).trim() === '') return { messages: [textMessage(stringsFor(locale).emptyInput)], state };
  const answered = answerQuestion(text, state, deps, locale);
  // an answer typed at a guide's button step that the search has nothing for, only guesses for or turns away as out
  // of scope when it is not put as a question ("på min egen telefon"), or that says the user does not know ("ved ikke
  // helt …?"): that step again, not the menu, unrelated entries or an out-of-scope hint (a safety answer stays)
  const waiting = guideAtQuestion(state);
  const guessedAt = onlyGuessed(answered) || turnedAway(answered);
  const unclear = foundNothing(answered) || (guessedAt && !putAsQuestion(meaning)) || (saysUnsure(meaning) && !safetyAnswered(answered));
  if (waiting && !deps.flows.awaitsText(waiting) && unclear) {
    const again = deps.flows.current(waiting, locale).messages;
    return { ...answered, messages: [textMessage(conversationStrings(locale).unclearStepAnswer), ...again] };
  }
  // a consultant request left open is not forgotten: the form stays open, and the user is reminded of it once
  const remind = state.form !== undefined && !state.form.reminded && answered.state.form !== undefined;
  const formOpen = remind ? [textMessage(conversationStrings(locale).formStillOpen)] : [];
  const next = remind && answered.state.form ? { ...answered.state, form: { ...answered.state.form, reminded: true } } : answered.state;
  return { ...answered, state: next, messages: [...answered.messages, ...formOpen, ...pausedFlowOffer(next, deps, locale)] };
}

/**
 * The user's choice for a text held in a free-text step: take it as the answer (as typed, or with its slips corrected),
 * or answer it as a question and show the step again.
 */
function routeHeld(actionId: string, held: NonNullable<ConversationState['heldAnswer']>, state: ConversationState, deps: RouterDeps, locale: Locale): RoutedTurn {
  const flow = state.flow;
  if (!flow || isAtOutcome(state) || flow.flowId !== held.flowId || flow.nodeId !== held.nodeId) return staleChoice(state, deps, locale);
  if (actionId === USE_AS_ANSWER || actionId === USE_CORRECTED) {
    const text = actionId === USE_CORRECTED ? held.corrected : held.text;
    const step = text === undefined ? undefined : deps.flows.step(flow, { kind: 'text', text }, locale);
    return step ? applyFlow(state, step, locale) : staleChoice(state, deps, locale);
  }
  const answered = answerQuestion(held.text, state, deps, locale);
  return { ...answered, messages: [...answered.messages, ...deps.flows.current(flow, locale).messages] };
}

/** The user's choice for a message held after a consultant's message: send it to the consultant, or answer it here. */
function routeHeldForConsultant(turn: Turn, actionId: string, held: string, state: ConversationState, deps: RouterDeps): RoutedTurn {
  if (actionId === ASK_ADVISOR) return routeText(turn, held, { ...state, consultantMessage: undefined }, deps);
  // no consultant's message waits any more (the case was closed in between): there is nothing to send it to
  const consultant = state.consultantMessage;
  const sent = consultant ? deps.escalation.submit(turn, consultant.replyFormId, { text: held }, state) : undefined;
  return consultant && sent ? answeredConsultant(consultant.replyFormId, sent) : staleChoice(state, deps, turn.user.locale);
}

/** Once an answer to the consultant's message is on its way (the reply form's effect), the message no longer waits for one. */
function answeredConsultant(formId: string, routed: RoutedTurn): RoutedTurn {
  const answered = routed.effect !== undefined && routed.state.consultantMessage?.replyFormId === formId;
  return answered ? { ...routed, state: { ...routed.state, consultantMessage: undefined } } : routed;
}

function routeAction(turn: Turn, actionId: string, state: ConversationState, deps: RouterDeps): RoutedTurn {
  const locale = turn.user.locale;
  // "Fortsæt guiden" names its guide: an old one from a guide since stopped must not go on with another one
  const continuing = continuedFlow(actionId);
  if (continuing !== undefined) {
    return state.flow?.flowId === continuing ? routeCommand(turn, 'continue', state, deps) : staleChoice(state, deps, locale);
  }
  const command = commandFromAction(actionId);
  if (command) return routeCommand(turn, command, state, deps);
  const feedback = parseFeedbackAction(actionId);
  if (feedback && feedbackWasOffered(state, feedback.target) && feedbackTargetExists(feedback.target, deps)) return acknowledgeFeedback(feedback, state, locale);
  const [kind, id] = splitAction(actionId);
  if ((kind === 'faq' || kind === 'flow') && id) {
    const hit = showHit(kind, id, state, deps, locale, true);
    // an answer opened by a button in the middle of a guide ends, like a typed question's, with the way back to it
    const shown = kind === 'faq' && hit.messages.length > 0 ? { ...hit, messages: [...hit.messages, ...pausedFlowOffer(hit.state, deps, locale)] } : hit;
    // A pick from "Mente du …?" (the only reply that offers "Ingen af dem").
    const picked = state.activeChoices.includes(commandAction('none')) && state.activeChoices.includes(actionId);
    if (shown.messages.length > 0) return picked ? { ...shown, events: [{ type: 'did_you_mean_picked', kind, id }, ...(shown.events ?? [])] } : shown;
  } else if (state.flow) {
    // The engine takes the current step's buttons, and an earlier step's of the same run (it goes back there).
    const step = deps.flows.step(state.flow, { kind: 'action', actionId }, locale);
    if (step) return applyFlow(state, step, locale);
  }
  const escalation = deps.escalation.action?.(turn, actionId, state);
  if (escalation) return escalation;
  return staleChoice(state, deps, locale);
}

/** Stops the guide at `flow`; answers given are kept, so opening it again goes on there (with "Start guiden forfra"). */
function stopGuide(state: ConversationState, flow: FlowPosition, locale: Locale): RoutedTurn {
  const s = stringsFor(locale);
  const pausedFlows = keepStoppedFlow(state);
  const kept = pausedFlows?.[flow.flowId] !== undefined;
  return {
    messages: [textMessage(kept ? s.stoppedKept : s.stopped, [{ id: commandAction('menu'), label: s.showMenu }])],
    state: { ...state, flow: undefined, flowOutcome: undefined, pausedFlows },
    events: [{ type: 'flow_stopped', flowId: flow.flowId, nodeId: flow.nodeId }],
  };
}

/** A button that is no longer active (a finished or replaced guide, an old form): says so and leaves the current buttons working. */
function staleChoice(state: ConversationState, deps: RouterDeps, locale: Locale): RoutedTurn {
  const lead = conversationStrings(locale).choiceNoLongerActive;
  const paused = pausedFlowOffer(state, deps, locale, lead);
  const messages = paused.length > 0 ? paused : [textMessage(lead, [{ id: commandAction('menu'), label: stringsFor(locale).showMenu }])];
  return { messages, state, keepChoices: true };
}

function routeCommand(turn: Turn, command: GlobalCommand, state: ConversationState, deps: RouterDeps): RoutedTurn {
  const locale = turn.user.locale;
  const s = stringsFor(locale);
  switch (command) {
    case 'menu':
      return { messages: [menu(deps.knowledge, locale), ...pausedFlowOffer(state, deps, locale)], state, untold: true };
    case 'escalate':
      return deps.escalation.request(turn, state);
    case 'none':
      return { messages: [noAnswer(deps.knowledge, locale)], state };
    case 'restart':
      if (state.flow) return applyFlow(state, deps.flows.restart(state.flow, locale), locale, [textMessage(s.restarted)], true);
      return { messages: [menu(deps.knowledge, locale, s.restarted)], state: { ...state, form: undefined } };
    case 'stop':
      if (!state.flow || isAtOutcome(state)) {
        // a cancelled request's form is no longer accepted: "intet er sendt" stays true
        const offered = state.form && state.offered ? { ...state.offered, forms: withoutKey(state.offered.forms, state.form.formId) } : state.offered;
        const said = state.form ? (deps.escalation.cancelled?.(state.form.formId, locale) ?? textMessage(s.formCancelled)) : textMessage(s.nothingToStop);
        return { messages: [said], state: { ...state, flow: undefined, flowOutcome: undefined, form: undefined, offered } };
      }
      return stopGuide(state, state.flow, locale);
    case 'continue':
      if (!state.flow) return { messages: [textMessage(s.nothingToStop)], state };
      return applyFlow(state, deps.flows.current(state.flow, locale), locale);
    case 'back': {
      const step = state.flow ? deps.flows.step(state.flow, { kind: 'action', actionId: commandAction('back') }, locale) : null;
      return step ? applyFlow(state, step, locale) : { messages: [textMessage(s.nothingToGoBack)], state };
    }
  }
}

function feedbackTargetExists(target: { kind: 'faq' | 'flow'; id: string }, deps: RouterDeps): boolean {
  return target.kind === 'faq' ? deps.knowledge.faq.has(target.id) : deps.knowledge.flows.has(target.id.split('/')[0] ?? '');
}

/** A typed "2" picks the second button of the last reply (outside flows, which read numbers themselves, unless a question is held). */
function numberedChoice(input: TurnInput, state: ConversationState): TurnInput {
  if (input.kind !== 'text' || (state.flow && !isAtOutcome(state) && !state.heldAnswer)) return input;
  const match = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(input.text);
  const picked = match ? state.activeChoices[Number(match[1]) - 1] : undefined;
  return picked ? { kind: 'action', actionId: picked } : input;
}

function splitAction(actionId: string): [string, string | undefined] {
  const colon = actionId.indexOf(':');
  return colon < 0 ? [actionId, undefined] : [actionId.slice(0, colon), actionId.slice(colon + 1)];
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}
/**
 * While a guide waits at a question: "Du er midt i guiden …" (after `lead`, when given) with "Fortsæt guiden (trin N)"
 * and "Stop guiden"; else nothing.
 */
function pausedFlowOffer(state: ConversationState, deps: RouterDeps, locale: Locale, lead?: string): Message[] {
  const waiting = guideAtQuestion(state);
  if (!waiting) return [];
  const s = stringsFor(locale);
  const title = deps.knowledge.flows.get(waiting.flowId)?.title ?? waiting.flowId;
  const prompt = s.continueFlowPrompt(title);
  return [
    textMessage(lead ? `${lead} ${prompt}` : prompt, [
      { id: continueAction(waiting.flowId), label: conversationStrings(locale).continueAt(waiting.history.length + 1), style: 'primary' },
      { id: commandAction('stop'), label: s.stopFlow },
    ]),
  ];
}
