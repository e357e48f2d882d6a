import type { FlowPosition } from '../shared/conversation-state.ts';
import type { Block, Choice, Message } from '../core/message.ts';
import type { Locale } from '../shared/locale.ts';
import { mergeChecklist } from './checklist-merge.ts';
import { CMD_BACK, CMD_ESCALATE, CMD_MENU, flowActionId } from './flow-actions.ts';
import type { FlowDefinition, OutcomeNode } from './flow-schema.ts';
import { flowStrings } from './flow-strings.ts';
import { renderPlainTemplate, renderTemplate, templateRefs, type TemplateData } from './flow-template.ts';
import { localText } from './local-text.ts';
import { splitMarkdown } from './markdown-chunks.ts';

/** The buttons under an outcome: consultant (when offered), start again, menu and one step back. */
function outcomeChoices(flow: FlowDefinition, node: OutcomeNode, locale: Locale): Choice[] {
  const s = flowStrings(locale);
  return [
    ...(node.escalate ? [{ id: CMD_ESCALATE, label: s.escalate, style: 'primary' as const }] : []),
    { id: flowActionId(flow.id), label: s.restartFlow },
    { id: CMD_MENU, label: s.menu },
    { id: CMD_BACK, label: s.back },
  ];
}

function textBlocks(markdown: string): Block[] {
  return splitMarkdown(markdown).map((piece) => ({ type: 'text' as const, markdown: piece }));
}

function usesRef(template: string, name: string): boolean {
  return templateRefs(template).some((ref) => ref.name === name);
}

function templateData(position: FlowPosition, node: OutcomeNode, locale: Locale): TemplateData {
  return {
    vars: position.vars,
    answers: position.answers,
    reasons: position.notes.reasons,
    checklist: mergeChecklist(node.checklist.map((c) => localText(c, locale)), position.notes.checklist),
  };
}

/** The outcome's title with its references filled in (plain text). */
export function outcomeTitle(position: FlowPosition, node: OutcomeNode, locale: Locale): string {
  return renderPlainTemplate(localText(node.title, locale), templateData(position, node, locale));
}

/** The advice message of an outcome: advice, reasons, checklist, a marked draft, sources and the next steps. */
export function outcomeMessage(flow: FlowDefinition, position: FlowPosition, node: OutcomeNode, locale: Locale): Message {
  const s = flowStrings(locale);
  const data = templateData(position, node, locale);
  const advice = localText(node.advice, locale);
  const draft = node.draft ? localText(node.draft, locale) : undefined;
  const templates = [advice, draft ?? ''];
  const sections: string[] = [renderTemplate(advice, data)];
  if (data.reasons.length > 0 && !templates.some((t) => usesRef(t, 'reasons'))) {
    sections.push(`**${s.reasonsHeading}**\n${renderTemplate('{{reasons}}', data)}`);
  }
  if (data.checklist.length > 0 && !templates.some((t) => usesRef(t, 'checklist'))) {
    sections.push(`**${s.checklistHeading}**\n${renderTemplate('{{checklist}}', data)}`);
  }
  const title = outcomeTitle(position, node, locale);
  const blocks: Block[] = [
    { type: 'heading', text: title },
    { type: 'context', text: `${localText(flow.title, locale)} · ${s.result}` },
    ...textBlocks(sections.join('\n\n')),
  ];
  if (draft !== undefined) {
    const marks = { missing: s.missingAnswer, thin: s.thinAnswer };
    blocks.push({ type: 'divider' }, ...textBlocks(`**${s.draftHeading}**\n\n${renderTemplate(draft, data, marks)}`), { type: 'divider' });
  }
  if (node.sources.length > 0) blocks.push({ type: 'links', title: s.sourcesTitle, links: node.sources });
  if (node.escalate?.urgent) blocks.push({ type: 'text', markdown: s.urgentNote });
  blocks.push({ type: 'choices', choices: outcomeChoices(flow, node, locale) });
  return { blocks, fallback: `${title} – ${localText(flow.title, locale)}` };
}
