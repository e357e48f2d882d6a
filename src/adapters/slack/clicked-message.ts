import type { types } from '@slack/bolt';
import type { Locale } from '../../shared/locale.ts';
import { escapeClipped } from './escape-text.ts';
import { SLACK_LIMITS } from './slack-limits.ts';
import { slackStrings } from './slack-strings.ts';

/**
 * The clicked message as it should look afterwards: every button row removed, and the chosen answer shown as a
 * context line where the clicked row was (so an old button cannot be clicked twice).
 */
export function clickedMessage(blocks: types.KnownBlock[], clickedBlockId: string | undefined, label: string, locale: Locale): types.KnownBlock[] {
  const chosen: types.ContextBlock = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: escapeClipped(slackStrings(locale).chosen(label), SLACK_LIMITS.contextText) }],
  };
  const at = Math.max(0, blocks.findIndex((b) => b.type === 'actions' && (clickedBlockId === undefined || b.block_id === clickedBlockId)));
  const out: types.KnownBlock[] = [];
  blocks.forEach((block, index) => {
    if (index === at && block.type === 'actions') out.push(chosen);
    else if (block.type !== 'actions') out.push(block);
  });
  if (!out.includes(chosen)) out.push(chosen);
  return out;
}
