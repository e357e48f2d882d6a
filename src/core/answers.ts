import { feedbackChoices, flowOutcomeTarget } from './feedback-actions.ts';
import type { FeedbackTarget } from './turn-events.ts';
import type { FaqEntry } from '../knowledge/faq-schema.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { hintFor } from '../knowledge/outside-schema.ts';
import type { SearchHit } from '../knowledge/search-document.ts';
import { conversationStrings } from '../i18n/conversation-strings.ts';
import { stringsFor } from '../i18n/strings.ts';
import { commandAction } from './commands.ts';
import type { FlowPosition } from '../shared/conversation-state.ts';
import { escapeMarkdown, type Block, type Choice, type Message } from './message.ts';
import type { Locale } from '../shared/locale.ts';

const MAX_RELATED = 3;
const MAX_SUGGESTIONS = 3;

/** Action id that opens an FAQ entry. */
export function faqAction(id: string): string {
  return `faq:${id}`;
}

/** Action id that starts a guided flow. */
export function flowAction(id: string): string {
  return `flow:${id}`;
}

/** The button that opens an entry or starts a guide the search found, labelled with its title; undefined when it is gone. */
export function hitChoice(hit: Pick<SearchHit, 'kind' | 'id'>, knowledge: KnowledgeBase): Choice | undefined {
  const title = hit.kind === 'faq' ? knowledge.faq.get(hit.id)?.title : knowledge.flows.get(hit.id)?.title;
  return title ? { id: hit.kind === 'faq' ? faqAction(hit.id) : flowAction(hit.id), label: truncateLabel(title) } : undefined;
}

/** A message made of a single Markdown paragraph. */
export function textMessage(markdown: string, choices: Choice[] = []): Message {
  const blocks: Block[] = [{ type: 'text', markdown }];
  if (choices.length > 0) blocks.push({ type: 'choices', choices });
  return { blocks, fallback: markdown };
}

/**
 * The answer to an FAQ entry: title, answer, sources, the guide that goes with it (the entry's own, or `guideId` when
 * the question also matched a guide; none when `guideId` is null), related entries, a consultant, and the feedback buttons.
 */
export function faqAnswer(entry: FaqEntry, knowledge: KnowledgeBase, locale: Locale, guideId: string | null | undefined = entry.flow): Message {
  const s = stringsFor(locale);
  const blocks: Block[] = [
    { type: 'heading', text: entry.title },
    ...(s.answerLanguageNote ? [{ type: 'context' as const, text: s.answerLanguageNote }] : []),
    { type: 'text', markdown: entry.answer },
  ];
  if (entry.sources.length > 0) blocks.push({ type: 'links', title: s.sources, links: entry.sources });
  const guide = guideId ? knowledge.flows.get(guideId) : undefined;
  if (guide) blocks.push(...guideBeside(guide.id, guide.title, locale));
  const choices: Choice[] = [];
  for (const id of entry.related.slice(0, MAX_RELATED)) {
    const related = knowledge.faq.get(id);
    if (related) choices.push({ id: faqAction(id), label: truncateLabel(related.title) });
  }
  if (entry.escalate) choices.push({ id: commandAction('escalate'), label: s.contactConsultant });
  if (choices.length > 0) blocks.push({ type: 'choices', prompt: s.related, choices });
  blocks.push(feedbackBlock({ kind: 'faq', id: entry.id }, locale));
  return { blocks, fallback: `${entry.title}\n\n${entry.answer}` };
}

/** A guide offered under an answer: its title in the text and a short "Start guiden" button (long labels get cut in Teams). */
function guideBeside(flowId: string, title: string, locale: Locale): Block[] {
  const c = conversationStrings(locale);
  return [
    { type: 'text', markdown: c.guideBeside(title) },
    { type: 'choices', choices: [{ id: flowAction(flowId), label: c.startGuide, style: 'primary' }] },
  ];
}

/** The "Var svaret nyttigt?" 👍/👎 block under an answer or flow outcome. */
export function feedbackBlock(target: FeedbackTarget, locale: Locale): Block {
  return { type: 'choices', prompt: stringsFor(locale).feedbackPrompt, choices: feedbackChoices(target) };
}

/** Adds the feedback buttons to the last message of a flow outcome reply. */
export function withOutcomeFeedback(messages: readonly Message[], position: FlowPosition, locale: Locale): Message[] {
  const last = messages.at(-1);
  if (!last) return [...messages];
  const block = feedbackBlock(flowOutcomeTarget(position.flowId, position.nodeId), locale);
  return [...messages.slice(0, -1), { ...last, blocks: [...last.blocks, block] }];
}

/** Offers a guided flow that matched a question. */
export function flowOffer(flowId: string, knowledge: KnowledgeBase, locale: Locale): Message | undefined {
  const flow = knowledge.flows.get(flowId);
  if (!flow) return undefined;
  const s = stringsFor(locale);
  return {
    blocks: [
      { type: 'heading', text: flow.title },
      { type: 'text', markdown: `${s.flowOffer}\n\n${flow.description}` },
      {
        type: 'choices',
        choices: [
          { id: flowAction(flow.id), label: conversationStrings(locale).startGuide, style: 'primary' },
          { id: commandAction('menu'), label: s.showMenu },
        ],
      },
    ],
    fallback: `${flow.title}: ${flow.description}`,
  };
}

/**
 * "Mente du …?": the closest entries and flows as choices; `outsideDoubt` (the question reads as possibly outside the
 * field) adds that a question not about the municipality's own channels is outside it.
 */
export function suggestions(query: string, hits: readonly SearchHit[], knowledge: KnowledgeBase, locale: Locale, outsideDoubt = false): Message {
  const s = stringsFor(locale);
  const choices = hits.slice(0, MAX_SUGGESTIONS).flatMap((hit) => hitChoice(hit, knowledge) ?? []);
  choices.push({ id: commandAction('none'), label: s.noneOfThese });
  const didYouMean = s.didYouMeanIntro(escapeMarkdown(shorten(query, 80)));
  const intro = outsideDoubt ? `${didYouMean}\n\n${s.maybeOutside}` : didYouMean;
  return {
    blocks: [{ type: 'text', markdown: intro }, { type: 'choices', prompt: s.didYouMean, choices }],
    fallback: `${s.didYouMean} ${choices.map((c) => c.label).join(' / ')}`,
  };
}

/**
 * The fallback when nothing matched: the guided flows and the consultant offer. When the question belongs to an
 * area the assistant does not cover (knowledge/outside.yaml), it says so and where to go instead.
 */
export function noAnswer(knowledge: KnowledgeBase, locale: Locale, outsideId?: string): Message {
  const s = stringsFor(locale);
  const area = outsideId ? knowledge.outside.get(outsideId) : undefined;
  const text = area ? `${hintFor(area, locale)}\n\n${s.outsideScope}` : s.noAnswer;
  return textMessage(text, [...flowChoices(knowledge), { id: commandAction('escalate'), label: s.contactConsultant }]);
}

/** The help menu: what the assistant does, every guided flow, the consultant, and search tips. */
export function menu(knowledge: KnowledgeBase, locale: Locale, lead?: string): Message {
  const s = stringsFor(locale);
  const blocks: Block[] = [
    { type: 'heading', text: s.menuHeading },
    { type: 'text', markdown: lead ? `${lead}\n\n${s.menuPrompt}` : `${s.welcome}\n\n${s.menuPrompt}` },
    {
      type: 'choices',
      choices: [...flowChoices(knowledge), { id: commandAction('escalate'), label: s.contactConsultant }],
    },
    { type: 'context', text: s.searchTips },
  ];
  return { blocks, fallback: `${lead ?? s.welcome} ${s.menuPrompt}` };
}

/** One button per guide, labelled with its title (the text around them says they are guides). */
function flowChoices(knowledge: KnowledgeBase): Choice[] {
  return [...knowledge.flows.values()].map((f) => ({ id: flowAction(f.id), label: truncateLabel(f.title) }));
}

/** Shortens a button label to Slack's 75-character limit, on a word boundary where possible. */
export function truncateLabel(label: string, max = 75): string {
  return shorten(label, max);
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
