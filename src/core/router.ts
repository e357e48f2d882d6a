import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { foldDanish } from '../knowledge/danish-text.ts';
import { stringsFor } from '../i18n/strings.ts';
import { faqAnswer, flowOffer, menu, noAnswer, suggestions, textMessage } from './answers.ts';
import { commandAction, commandFromAction, parseCommand, type GlobalCommand } from './commands.ts';
import type { ConversationState } from './conversation-state.ts';
import type { FlowReply, FlowRunner } from './flow-runner.ts';
import type { Message } from './message.ts';
import type { Locale, Turn, TurnInput } from './turn.ts';

/** What routing one turn produced: the replies and the state to store. */
export interface RoutedTurn {
  messages: Message[];
  state: ConversationState;
  /** The search made for a typed question, if any (for analytics). */
  search?: { query: string; topId?: string; score?: number; confident: boolean };
  /** Side effect the turn asks for (e.g. opening a case): the bot runs it once, after the state is saved, and appends its messages. */
  effect?: TurnEffect;
}

/** Work with I/O that routing cannot do itself (routing is pure and re-run on version conflicts). */
export type TurnEffect = () => Promise<Message[]>;

/** Everything the router needs; all of it is injected. */
export interface RouterDeps {
  knowledge: KnowledgeBase;
  flows: FlowRunner;
  /** The consultant request (global command, button, form); the escalation module plugs in here. */
  escalation: EscalationHandler;
}

/** Handles requests for a human consultant and the forms they use. */
export interface EscalationHandler {
  /** Starts a request (shows the form or, before escalation exists, how to reach a consultant). */
  request(turn: Turn, state: ConversationState): RoutedTurn;
  /** Handles a submitted form; undefined when the form id is not one of its forms. */
  submit(turn: Turn, formId: string, values: Record<string, string | boolean>, state: ConversationState): RoutedTurn | undefined;
}

/** Decides the reply to one turn given the conversation's state. Pure: no I/O. */
export function routeTurn(turn: Turn, state: ConversationState, deps: RouterDeps): RoutedTurn {
  const locale = turn.user.locale;
  const input = numberedChoice(turn.input, state);
  if (state.flow && deps.flows.isCurrent(state.flow) === false) {
    const title = deps.knowledge.flows.get(state.flow.flowId)?.title ?? state.flow.flowId;
    const restarted = deps.flows.start(state.flow.flowId, locale);
    const notice = textMessage(stringsFor(locale).flowRestartedAfterChange(title));
    return restarted ? applyFlow(state, restarted, [notice]) : { messages: [menu(deps.knowledge, locale, stringsFor(locale).unknownFlow)], state: { ...state, flow: undefined } };
  }
  switch (input.kind) {
    case 'text':
      return routeText(turn, input.text, state, deps);
    case 'action':
      return routeAction(turn, input.actionId, state, deps);
    case 'form':
      return (
        deps.escalation.submit(turn, input.formId, input.values, state) ?? {
          messages: [menu(deps.knowledge, locale, stringsFor(locale).staleChoice)],
          state,
        }
      );
  }
}

function routeText(turn: Turn, text: string, state: ConversationState, deps: RouterDeps): RoutedTurn {
  const locale = turn.user.locale;
  const s = stringsFor(locale);
  const command = parseCommand(text);
  if (command) return routeCommand(turn, command, state, deps);
  if (state.flow && !isAtOutcome(state)) {
    const step = deps.flows.step(state.flow, { kind: 'text', text }, locale);
    if (step) return applyFlow(state, step);
  }
  if (foldDanish(text).trim() === '') return { messages: [textMessage(s.emptyInput)], state };
  const outcome = deps.knowledge.search(text);
  const top = outcome.results[0];
  const search = { query: text, topId: top?.id, score: top?.score, confident: outcome.confident };
  const base: ConversationState = isAtOutcome(state) ? { ...state, flow: undefined, flowOutcome: undefined } : state;
  let messages: Message[];
  let next = base;
  if (outcome.decision === 'answer' && top) {
    const shown = showHit(top.kind, top.id, base, deps, locale);
    messages = shown.messages;
    next = shown.state;
  } else if (outcome.decision === 'suggest') {
    messages = [suggestions(text, outcome.results.filter((h) => h.score >= (top?.score ?? 0) * 0.6), deps.knowledge, locale)];
  } else {
    messages = [noAnswer(deps.knowledge, locale)];
  }
  if (next.flow && !isAtOutcome(next)) messages.push(continueOffer(next, deps, locale));
  return { messages, state: next, search };
}

function routeAction(turn: Turn, actionId: string, state: ConversationState, deps: RouterDeps): RoutedTurn {
  const locale = turn.user.locale;
  const command = commandFromAction(actionId);
  if (command) return routeCommand(turn, command, state, deps);
  const [kind, id] = splitAction(actionId);
  if ((kind === 'faq' || kind === 'flow') && id) {
    const shown = showHit(kind, id, state, deps, locale, true);
    if (shown.messages.length > 0) return shown;
  } else if (state.flow && state.activeChoices.includes(actionId)) {
    const step = deps.flows.step(state.flow, { kind: 'action', actionId }, locale);
    if (step) return applyFlow(state, step);
  }
  return { messages: [menu(deps.knowledge, locale, stringsFor(locale).staleChoice)], state: { ...state } };
}

function routeCommand(turn: Turn, command: GlobalCommand, state: ConversationState, deps: RouterDeps): RoutedTurn {
  const locale = turn.user.locale;
  const s = stringsFor(locale);
  switch (command) {
    case 'menu':
      return { messages: [menu(deps.knowledge, locale)], state };
    case 'escalate':
      return deps.escalation.request(turn, state);
    case 'none':
      return { messages: [noAnswer(deps.knowledge, locale)], state };
    case 'restart':
      if (state.flow) return applyFlow(state, deps.flows.restart(state.flow, locale), [textMessage(s.restarted)]);
      return { messages: [menu(deps.knowledge, locale, s.restarted)], state: { ...state, form: undefined } };
    case 'stop':
      if (!state.flow || isAtOutcome(state)) {
        return { messages: [textMessage(state.form ? s.stopped : s.nothingToStop)], state: { ...state, flow: undefined, flowOutcome: undefined, form: undefined } };
      }
      return { messages: [textMessage(s.stopped, [{ id: commandAction('menu'), label: s.showMenu }])], state: { ...state, flow: undefined, flowOutcome: undefined } };
    case 'continue':
      if (!state.flow) return { messages: [textMessage(s.nothingToStop)], state };
      return applyFlow(state, deps.flows.current(state.flow, locale));
    case 'back': {
      const step = state.flow ? deps.flows.step(state.flow, { kind: 'action', actionId: commandAction('back') }, locale) : null;
      return step ? applyFlow(state, step) : { messages: [textMessage(s.nothingToGoBack)], state };
    }
  }
}

function showHit(
  kind: 'faq' | 'flow',
  id: string,
  state: ConversationState,
  deps: RouterDeps,
  locale: Locale,
  startFlow = false,
): RoutedTurn {
  if (kind === 'faq') {
    const entry = deps.knowledge.faq.get(id);
    if (!entry) return { messages: [], state };
    return { messages: [faqAnswer(entry, deps.knowledge, locale)], state: { ...state, lastTopic: { kind, id, title: entry.title } } };
  }
  const flow = deps.knowledge.flows.get(id);
  if (!flow) return { messages: [], state };
  if (!startFlow) {
    const offer = flowOffer(id, deps.knowledge, locale);
    return { messages: offer ? [offer] : [], state };
  }
  const started = deps.flows.start(id, locale);
  if (!started) return { messages: [], state };
  return applyFlow({ ...state, lastTopic: { kind, id, title: flow.title } }, started);
}

function applyFlow(state: ConversationState, reply: FlowReply, before: Message[] = []): RoutedTurn {
  return {
    messages: [...before, ...reply.messages],
    state: { ...state, flow: reply.position ?? undefined, flowOutcome: reply.position ? reply.outcome : undefined, escalationHint: reply.escalate ?? state.escalationHint },
  };
}

function continueOffer(state: ConversationState, deps: RouterDeps, locale: Locale): Message {
  const s = stringsFor(locale);
  const title = state.flow ? (deps.knowledge.flows.get(state.flow.flowId)?.title ?? state.flow.flowId) : '';
  return textMessage(s.continueFlowPrompt(title), [
    { id: commandAction('continue'), label: s.continueFlow, style: 'primary' },
    { id: commandAction('stop'), label: s.stopFlow },
  ]);
}

function isAtOutcome(state: ConversationState): boolean {
  return Boolean(state.flow && state.flowOutcome);
}

/** A typed "2" picks the second button of the last reply (outside flows, which read numbers themselves). */
function numberedChoice(input: TurnInput, state: ConversationState): TurnInput {
  if (input.kind !== 'text' || (state.flow && !isAtOutcome(state))) return input;
  const match = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(input.text);
  const picked = match ? state.activeChoices[Number(match[1]) - 1] : undefined;
  return picked ? { kind: 'action', actionId: picked } : input;
}

function splitAction(actionId: string): [string, string | undefined] {
  const colon = actionId.indexOf(':');
  return colon < 0 ? [actionId, undefined] : [actionId.slice(0, colon), actionId.slice(colon + 1)];
}
