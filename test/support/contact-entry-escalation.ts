import { conversationStrings } from '../../src/i18n/conversation-strings.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { faqAnswer, menu } from '../../src/core/answers.ts';
import type { EscalationHandler } from '../../src/core/router-deps.ts';

/** Id of the FAQ entry that explains how to reach a consultant. */
export const CONTACT_ENTRY_ID = 'kontakt-konsulent';

/** A test double for escalation: answers a request for a consultant with the `kontakt-konsulent` entry. */
export function contactEntryEscalation(knowledge: () => KnowledgeBase): EscalationHandler {
  return {
    request(turn, state) {
      const kb = knowledge();
      const entry = kb.faq.get(CONTACT_ENTRY_ID);
      if (!entry) return { messages: [menu(kb, turn.user.locale)], state };
      return { messages: [faqAnswer(entry, kb, turn.user.locale)], state: { ...state, lastTopic: { kind: 'faq', id: entry.id, title: entry.title } } };
    },
    submit(turn, _formId, _values, state) {
      return { messages: [menu(knowledge(), turn.user.locale, conversationStrings(turn.user.locale).choiceNoLongerActive)], state };
    },
  };
}
