import { conversationStrings } from '../i18n/conversation-strings.ts';
import { stringsFor } from '../i18n/strings.ts';
import type { Locale } from '../shared/locale.ts';
import { commandAction } from './commands.ts';
import type { Block, Message } from './message.ts';

/** An answer marked as the same as the one just before ("Det er det samme svar …"), with a consultant offered in it. */
export function sameAnswerAgain(answer: Message, locale: Locale): Message {
  const consultant = { id: commandAction('escalate'), label: stringsFor(locale).contactConsultant };
  const offersConsultant = answer.blocks.some((b) => b.type === 'choices' && b.choices.some((c) => c.id === consultant.id));
  const [heading, ...body] = answer.blocks;
  const note: Block[] = [{ type: 'context', text: conversationStrings(locale).sameAnswerAgain }];
  const blocks = heading ? [heading, ...note, ...body] : note;
  return { ...answer, blocks: offersConsultant ? blocks : [...blocks, { type: 'choices', choices: [consultant] }] };
}
