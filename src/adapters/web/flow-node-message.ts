import type { Block, Message } from '../../core/message.ts';
import type { Locale } from '../../shared/locale.ts';
import type { FlowNode } from '../../dialogs/flow-schema.ts';
import { localText } from '../../dialogs/local-text.ts';

const LABELS = {
  da: { help: 'Hjælpetekst', answers: 'Svar → næste trin', freeText: 'Fritekst', rules: 'Regler → næste trin', otherwise: 'ellers', checklist: 'Tjekliste', draft: 'Udkast', sources: 'Kilder', urgent: 'Tilbyder en konsulent (haster)', escalate: 'Tilbyder en konsulent', rule: 'regel' },
  en: { help: 'Help text', answers: 'Answers → next step', freeText: 'Free text', rules: 'Rules → next step', otherwise: 'otherwise', checklist: 'Checklist', draft: 'Draft', sources: 'Sources', urgent: 'Offers a consultant (urgent)', escalate: 'Offers a consultant', rule: 'rule' },
} as const;

/** A node's text as written in the flow (templates unexpanded), as a neutral Message for the Guides page. */
export function flowNodeMessage(id: string, node: FlowNode, locale: Locale): Message {
  const l = LABELS[locale];
  const blocks: Block[] = [];
  if (node.type === 'question') {
    const prompt = localText(node.prompt, locale);
    blocks.push({ type: 'heading', text: id }, { type: 'text', markdown: prompt });
    if (node.help) blocks.push({ type: 'context', text: `${l.help}: ${localText(node.help, locale)}` });
    const facts = node.choices.map((c) => ({ label: localText(c.label, locale), value: `→ ${c.next ?? node.next ?? '–'}` }));
    if (node.input) facts.push({ label: l.freeText, value: `→ ${node.next ?? '–'}` });
    if (facts.length > 0) blocks.push({ type: 'context', text: l.answers }, { type: 'facts', facts });
    return { blocks, fallback: prompt };
  }
  if (node.type === 'route') {
    const facts = node.rules.map((r, i) => ({ label: r.label ?? `${l.rule} ${i + 1}`, value: `→ ${r.next}` }));
    facts.push({ label: l.otherwise, value: `→ ${node.otherwise}` });
    blocks.push({ type: 'heading', text: id }, { type: 'context', text: l.rules }, { type: 'facts', facts });
    return { blocks, fallback: id };
  }
  const title = localText(node.title, locale);
  blocks.push({ type: 'heading', text: `${id}: ${title}` }, { type: 'text', markdown: localText(node.advice, locale) });
  if (node.checklist.length > 0) {
    blocks.push({ type: 'context', text: l.checklist }, { type: 'text', markdown: node.checklist.map((c) => `- ${localText(c, locale)}`).join('\n') });
  }
  if (node.draft) blocks.push({ type: 'divider' }, { type: 'context', text: l.draft }, { type: 'text', markdown: localText(node.draft, locale) });
  if (node.sources.length > 0) blocks.push({ type: 'links', title: l.sources, links: node.sources });
  if (node.escalate) blocks.push({ type: 'context', text: node.escalate.urgent ? l.urgent : l.escalate });
  return { blocks, fallback: title };
}
