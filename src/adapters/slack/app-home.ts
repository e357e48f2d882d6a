import type { types } from '@slack/bolt';
import { menu } from '../../core/answers.ts';
import type { Locale } from '../../shared/locale.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import { renderBlocks } from './render-message.ts';
import { SLACK_LIMITS } from './slack-limits.ts';
import { slackStrings } from './slack-strings.ts';

/** The App Home tab: the core's menu (what it does, a button per guided flow, a consultant, search tips) and how to talk to it. */
export function appHomeView(knowledge: KnowledgeBase, locale: Locale): types.HomeView {
  const blocks = renderBlocks(menu(knowledge, locale).blocks, locale);
  blocks.push({ type: 'divider' }, { type: 'section', text: { type: 'mrkdwn', text: slackStrings(locale).homeAbout } });
  return { type: 'home', blocks: blocks.slice(0, SLACK_LIMITS.messageBlocks) };
}
