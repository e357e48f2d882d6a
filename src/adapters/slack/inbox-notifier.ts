import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { CaseView } from '../../escalation/case-payload.ts';
import type { CaseService } from '../../escalation/case-service.ts';
import { threadNotice } from '../../escalation/case-summary.ts';
import { SLACK_INBOX_KIND } from '../../escalation/escalation-module.ts';
import type { Notification, Notifier } from '../../escalation/notifier.ts';
import { escapeClipped, escapeSlackText } from './escape-text.ts';
import { inboxCard } from './inbox-card.ts';
import { SLACK_LIMITS as L } from './slack-limits.ts';

/** Where a case's inbox card was posted (kept in the case so every consultant's later click updates the same card). */
export const CARD_KEY = 'inbox:slack';
const cardSchema = z.object({ channel: z.string(), ts: z.string() });
/** Most posted-but-unsaved card locations kept in memory. */
const MAX_UNSAVED = 10_000;

/** Where a case's Slack inbox card is, if it has been posted. */
export function slackCardOf(view: CaseView): z.infer<typeof cardSchema> | undefined {
  const stored = cardSchema.safeParse(view.case.payload[CARD_KEY]);
  return stored.success ? stored.data : undefined;
}

/**
 * Posts new cases as cards in the consultants' channel (CONSULTANT_SLACK_CHANNEL) and updates the card on claim and
 * resolve; the requester's answers, and replies a consultant wrote elsewhere, go in the card's thread. A card that was
 * already posted (a retry after a crash) is updated instead of posted twice.
 */
export function slackInboxNotifier(client: webApi.WebClient, channel: string, cases: CaseService): Notifier {
  // Cards posted whose location could not be saved (the store went down in between), by case id: a retry updates
  // them instead of posting a second card. Entries live only until the location is saved.
  const unsaved = new Map<string, z.infer<typeof cardSchema>>();
  const save = async (caseId: string, where: z.infer<typeof cardSchema>): Promise<void> => {
    unsaved.set(caseId, where);
    if (unsaved.size > MAX_UNSAVED) unsaved.delete(unsaved.keys().next().value ?? '');
    await cases.annotate(caseId, { [CARD_KEY]: where });
    unsaved.delete(caseId);
  };
  return {
    kind: SLACK_INBOX_KIND,
    async deliver(notification: Notification) {
      const view = await cases.get(notification.caseId);
      if (!view) throw new Error(`Case ${notification.caseId} is gone; its Slack card cannot be written.`);
      const stored = slackCardOf(view);
      const posted = stored ?? unsaved.get(view.case.id);
      if (notification.event === 'answer' || notification.event === 'reply') {
        if (!posted) throw new Error(`The Slack card of ${view.case.number} is not posted yet; the message goes in its thread once it is.`);
        const notice = threadNotice(view, notification.messageId, 'da');
        const body = `*${escapeSlackText(notice.lead)}*\n${escapeClipped(notice.text, L.sectionText - 200)}`;
        const blocks = [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: body } }];
        await client.chat.postMessage({ channel: posted.channel, thread_ts: posted.ts, text: escapeClipped(`${notice.lead} ${notice.text}`, 3000), blocks, unfurl_links: false });
        return;
      }
      const card = inboxCard(view);
      if (posted) {
        await client.chat.update({ channel: posted.channel, ts: posted.ts, text: card.text, blocks: card.blocks });
        if (!stored) await save(view.case.id, posted);
        return;
      }
      const result = await client.chat.postMessage({ channel, text: card.text, blocks: card.blocks, unfurl_links: false });
      if (!result.ts || !result.channel) throw new Error(`Slack did not return where the card for ${view.case.number} was posted; check CONSULTANT_SLACK_CHANNEL.`);
      await save(view.case.id, { channel: result.channel, ts: result.ts });
    },
  };
}
