import { conversationStrings } from '../i18n/conversation-strings.ts';
import type { ConversationState } from '../shared/conversation-state.ts';
import type { Locale } from '../shared/locale.ts';
import { faqAnswer, flowOffer, textMessage } from './answers.ts';
import { commandAction } from './commands.ts';
import { applyFlow } from './flow-reply.ts';
import { guideAtQuestion, pauseCurrentFlow, placeToResume } from './paused-flows.ts';
import type { RoutedTurn } from './routed-turn.ts';
import type { RouterDeps } from './router-deps.ts';

/**
 * Shows an entry (with its guide, or `guideId`, offered beside it) or a guide: started when `startFlow`, resumed where
 * the user left it when it was paused, else only offered.
 */
export function showHit(
  kind: 'faq' | 'flow',
  id: string,
  state: ConversationState,
  deps: RouterDeps,
  locale: Locale,
  startFlow = false,
  guideId?: string,
): RoutedTurn {
  if (kind === 'faq') {
    const entry = deps.knowledge.faq.get(id);
    if (!entry) return { messages: [], state };
    // the guide the user is in the middle of is not offered again beside an answer
    const guide = guideId ?? entry.flow;
    const running = guideAtQuestion(state)?.flowId;
    const offered = guide !== undefined && guide !== running ? guide : null;
    return { messages: [faqAnswer(entry, deps.knowledge, locale, offered)], state: { ...state, lastTopic: { kind, id, title: entry.title }, escalationHint: laterAnswer(state.escalationHint, entry.title) } };
  }
  const flow = deps.knowledge.flows.get(id);
  if (!flow) return { messages: [], state };
  if (!startFlow) {
    const offer = flowOffer(id, deps.knowledge, locale);
    return { messages: offer ? [offer] : [], state };
  }
  const lastTopic = { kind, id, title: flow.title };
  const pausedFlows = pauseCurrentFlow(state, id);
  const paused = placeToResume(state, id);
  if (paused && deps.flows.isCurrent(paused)) {
    // a guide left in the middle (or opened again from the menu) goes on where the user was, with a way to start it over
    const c = conversationStrings(locale);
    const note = textMessage(c.resumedGuide(paused.history.length + 1), [{ id: commandAction('restart'), label: c.startGuideOver }]);
    const resumed = deps.flows.current(paused, locale);
    return { messages: [note, ...resumed.messages], state: { ...state, pausedFlows, lastTopic, flow: paused, flowOutcome: false } };
  }
  const started = deps.flows.start(id, locale);
  if (!started) return { messages: [], state };
  return applyFlow({ ...state, pausedFlows, lastTopic }, started, locale, [], true);
}

/**
 * What a consultant request is prefilled with after a later answer: its topic, and the urgency an earlier guide's
 * outcome set (a side question in a crisis keeps it urgent); nothing when no urgency was set.
 */
function laterAnswer(hint: ConversationState['escalationHint'], title: string): ConversationState['escalationHint'] {
  return hint?.urgent ? { topic: title, urgent: true } : undefined;
}
