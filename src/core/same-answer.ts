import { conversationStrings } from '../i18n/conversation-strings.ts';
import { stringsFor } from '../i18n/strings.ts';
import type { Locale } from '../shared/locale.ts';
import { faqAction, flowAction } from './answers.ts';
import { commandAction } from './commands.ts';
import type { Message } from './message.ts';

/**
 * The reply when a question gets the same entry as the answer just before: its title, a note that it is the same, and
 * buttons to show it again, start the guide the answer offers (from `answer`), or ask a consultant — not the whole
 * answer a second time (30–40 lines on a phone).
 */
export function sameAnswerAgain(entryId: string, title: string, answer: Message | undefined, locale: Locale): Message {
  const guide = (answer?.blocks ?? []).flatMap((b) => (b.type === 'choices' ? b.choices.filter((choice) => choice.id.startsWith(flowAction(''))) : []));
  const c = conversationStrings(locale);
  return {
    blocks: [
      { type: 'heading', text: title },
      { type: 'context', text: c.sameAnswerAgain },
      {
        type: 'choices',
        choices: [
          { id: faqAction(entryId), label: c.showAnswerAgain },
          ...guide,
          { id: commandAction('escalate'), label: stringsFor(locale).contactConsultant },
        ],
      },
    ],
    fallback: `${title}: ${c.sameAnswerAgain}`,
  };
}
