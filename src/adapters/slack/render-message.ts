import type { types } from '@slack/bolt';
import type { Block, Choice, FormSpec, Message } from '../../core/message.ts';
import type { Locale } from '../../shared/locale.ts';
import { escapeClipped, escapeSlackText } from './escape-text.ts';
import { encodeFormSpec } from './form-modal.ts';
import { markdownToMrkdwn, slackLink } from './render-mrkdwn.ts';
import { SLACK_LIMITS as L } from './slack-limits.ts';
import { slackStrings } from './slack-strings.ts';
import { splitParagraphs } from './split-text.ts';

type KnownBlock = types.KnownBlock;

/** A message ready for chat.postMessage / chat.update: Block Kit blocks plus the notification text. */
export interface SlackMessage {
  blocks: KnownBlock[];
  text: string;
}

/** Prefix of the action ids of choice buttons (`choice-1`, `choice-2` …); the choice id travels in `value`. */
export const CHOICE_ACTION_PREFIX = 'choice-';
/** Prefix of the action ids of "fill in the form" buttons; the form spec travels in `value`. */
export const OPEN_FORM_ACTION_PREFIX = 'open-form-';

/** Renders a neutral Message as Block Kit within Slack's limits (≤ 50 blocks, short sections, unique action ids). */
export function renderMessage(message: Message, locale: Locale): SlackMessage {
  const blocks = limitBlocks(renderBlocks(message.blocks, locale), L.messageBlocks, locale);
  return { blocks, text: escapeClipped(message.fallback, L.fallbackText) };
}

/** Renders neutral blocks as Block Kit blocks (no block-count limit applied). */
export function renderBlocks(blocks: Block[], locale: Locale): KnownBlock[] {
  const counter = { n: 0 };
  return blocks.flatMap((block) => renderBlock(block, locale, counter));
}

function renderBlock(block: Block, locale: Locale, counter: { n: number }): KnownBlock[] {
  switch (block.type) {
    case 'text':
      return mrkdwnSections(markdownToMrkdwn(block.markdown));
    case 'heading':
      return [{ type: 'header', text: { type: 'plain_text', text: escapeClipped(block.text, L.headerText), emoji: true } }];
    case 'choices':
      return [...(block.prompt ? mrkdwnSections([escapeSlackText(block.prompt)]) : []), ...choiceBlocks(block.choices, counter)];
    case 'facts':
      return chunk(block.facts, L.sectionFields).map((facts) => ({
        type: 'section',
        fields: facts.map((f) => ({ type: 'mrkdwn', text: `*${escapeClipped(f.label, 200)}*\n${escapeClipped(f.value, L.fieldText - 210)}` })),
      }));
    case 'links': {
      const lines = block.links.map((link) => `• ${slackLink(link.url, link.title)}`);
      return mrkdwnSections([block.title ? `*${escapeSlackText(block.title)}*\n${lines.join('\n')}` : lines.join('\n')]);
    }
    case 'form':
      return formBlocks(block.form, locale, counter);
    case 'divider':
      return [{ type: 'divider' }];
    case 'context':
      return [{ type: 'context', elements: [{ type: 'mrkdwn', text: escapeClipped(block.text, L.contextText) }] }];
  }
}

function mrkdwnSections(paragraphs: string[]): KnownBlock[] {
  return splitParagraphs(paragraphs, L.sectionText - 1).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

function choiceBlocks(choices: Choice[], counter: { n: number }): KnownBlock[] {
  return chunk(choices, L.actionsElements).map((group) => ({
    type: 'actions',
    elements: group.map((choice) => {
      counter.n += 1;
      const button: types.Button = {
        type: 'button',
        action_id: `${CHOICE_ACTION_PREFIX}${counter.n}`,
        text: { type: 'plain_text', text: escapeClipped(choice.label, L.buttonText), emoji: true },
        value: choice.id.slice(0, L.buttonValue),
      };
      if (choice.style) button.style = choice.style;
      return button;
    }),
  }));
}

function formBlocks(form: FormSpec, locale: Locale, counter: { n: number }): KnownBlock[] {
  counter.n += 1;
  return [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*${escapeClipped(form.title, L.sectionText - 2)}*` },
    },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          style: 'primary',
          action_id: `${OPEN_FORM_ACTION_PREFIX}${counter.n}`,
          text: { type: 'plain_text', text: escapeClipped(slackStrings(locale).openForm, L.buttonText) },
          value: encodeFormSpec(form),
        },
      ],
    },
  ];
}

/** Keeps at most `max` blocks: every actions block stays, text is dropped from the end, and a note says so. */
function limitBlocks(blocks: KnownBlock[], max: number, locale: Locale): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  const actions = blocks.filter((b) => b.type === 'actions').length;
  let budget = max - 1 - actions;
  const kept = blocks.filter((b) => b.type === 'actions' || budget-- > 0);
  const note: KnownBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlackText(slackStrings(locale).truncated) }] };
  const firstAction = kept.findIndex((b) => b.type === 'actions');
  const at = firstAction < 0 ? kept.length : firstAction;
  return [...kept.slice(0, at), note, ...kept.slice(at)].slice(0, max);
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
