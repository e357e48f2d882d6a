import { conversationStrings } from '../i18n/conversation-strings.ts';
import { stringsFor } from '../i18n/strings.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { menu, textMessage } from './answers.ts';
import { commandAction } from './commands.ts';
import type { Message } from './message.ts';
import type { SmallTalkKind } from './small-talk.ts';
import type { Locale } from '../shared/locale.ts';

/** A short friendly reply to small talk: the menu for a greeting or "what can you do", one line for the rest. */
export function smallTalkReply(kind: SmallTalkKind, knowledge: KnowledgeBase, locale: Locale): Message {
  const c = conversationStrings(locale).smallTalk;
  const s = stringsFor(locale);
  switch (kind) {
    case 'greeting':
      return menu(knowledge, locale);
    case 'capabilities':
      return menu(knowledge, locale, c.capabilities);
    case 'identity':
      return textMessage(c.identity, [
        { id: commandAction('menu'), label: s.showMenu },
        { id: commandAction('escalate'), label: s.contactConsultant },
      ]);
    case 'thanks':
    case 'ok':
    case 'bye':
      return textMessage(c[kind]);
  }
}
