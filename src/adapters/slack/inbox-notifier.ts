import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { CaseService } from '../../escalation/case-service.ts';
import { SLACK_INBOX_KIND } from '../../escalation/escalation-module.ts';
import type { Notification, Notifier } from '../../escalation/notifier.ts';
import { inboxCard } from './inbox-card.ts';

/** Where a case's inbox card was posted (kept in the case so every consultant's later click updates the same card). */
const CARD_KEY = 'inbox:slack';
const cardSchema = z.object({ channel: z.string(), ts: z.string() });

/**
 * Posts new cases as cards in the consultants' channel (CONSULTANT_SLACK_CHANNEL) and updates the card on claim and
 * resolve. A card that was already posted (a retry after a crash) is updated instead of posted twice.
 */
export function slackInboxNotifier(client: webApi.WebClient, channel: string, cases: CaseService): Notifier {
  return {
    kind: SLACK_INBOX_KIND,
    async deliver(notification: Notification) {
      const view = await cases.get(notification.caseId);
      if (!view) throw new Error(`Case ${notification.caseId} is gone; its Slack card cannot be written.`);
      const card = inboxCard(view);
      const posted = cardSchema.safeParse(view.case.payload[CARD_KEY]);
      if (posted.success) {
        await client.chat.update({ channel: posted.data.channel, ts: posted.data.ts, text: card.text, blocks: card.blocks });
        return;
      }
      const result = await client.chat.postMessage({ channel, text: card.text, blocks: card.blocks, unfurl_links: false });
      if (!result.ts || !result.channel) throw new Error(`Slack did not return where the card for ${view.case.number} was posted; check CONSULTANT_SLACK_CHANNEL.`);
      await cases.annotate(view.case.id, { [CARD_KEY]: { channel: result.channel, ts: result.ts } });
    },
  };
}
