import type { FlowPosition } from '../shared/conversation-state.ts';
import type { Block, Choice, Message } from '../core/message.ts';
import type { Locale } from '../shared/locale.ts';
import { CMD_BACK, CMD_STOP, stepActionId } from './flow-actions.ts';
import type { FlowDefinition, QuestionNode } from './flow-schema.ts';
import { flowStrings } from './flow-strings.ts';
import { renderTemplate } from './flow-template.ts';
import { localText } from './local-text.ts';

/** The buttons of a question, in the order shown: the answers, then "Tilbage" (not at the first step) and "Stop guiden". */
export function questionChoices(flow: FlowDefinition, position: FlowPosition, node: QuestionNode, locale: Locale): Choice[] {
  const s = flowStrings(locale);
  return [
    ...node.choices.map((c) => ({ id: stepActionId(flow.id, position.nodeId, c.id, position.run), label: localText(c.label, locale) })),
    ...(position.history.length > 0 ? [{ id: CMD_BACK, label: s.back }] : []),
    { id: CMD_STOP, label: s.stop },
  ];
}

/** What a question message needs besides the flow and position. */
export interface QuestionView {
  node: QuestionNode;
  locale: Locale;
  /** Most questions on the whole path (answered so far plus the longest remaining). */
  total: number;
  /** True when every remaining path asks the same number of questions (else the total is "at most"). */
  exact: boolean;
  /** A short notice shown above the question (stale button, first step, too long …). */
  notice?: string;
}

/** The message that asks the current question. */
export function questionMessage(flow: FlowDefinition, position: FlowPosition, view: QuestionView): Message {
  const { node, locale } = view;
  const s = flowStrings(locale);
  const step = position.history.length + 1;
  const progress = s.progress(step, Math.max(step, view.total), view.exact);
  const data = { vars: position.vars, answers: position.answers, ...position.notes };
  const prompt = renderTemplate(localText(node.prompt, locale), data);
  const help = node.help ? renderTemplate(localText(node.help, locale), data) : undefined;
  const choices = questionChoices(flow, position, node, locale);
  const title = localText(flow.title, locale);
  const blocks: Block[] = [
    ...(view.notice ? [{ type: 'context' as const, text: view.notice }] : []),
    { type: 'heading', text: title },
    { type: 'context', text: progress },
    { type: 'text', markdown: help ? `${prompt}\n\n${help}` : prompt },
    ...(node.input ? [{ type: 'context' as const, text: s.typeAnswer(node.input.maxLength) }] : []),
    { type: 'choices', choices },
  ];
  const numbered = choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
  const fallback = `${view.notice ? `${view.notice}\n` : ''}${title} (${progress}): ${prompt}\n${numbered}`;
  return { blocks, fallback };
}
