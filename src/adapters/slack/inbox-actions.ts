import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Logger } from 'pino';
import { CaseTransitionError, type CaseService } from '../../escalation/case-service.ts';
import { INBOX_ACTIONS } from './inbox-card.ts';
import type { LocaleCache } from './locale-cache.ts';

/** What the inbox buttons need. */
export interface InboxActionDeps {
  cases: CaseService;
  locales: LocaleCache;
  logger: Logger;
}

/** "Overtag" and "Afslut" on an inbox card: move the case as the clicking consultant; the outbox updates the card and tells the requester. */
export function registerInboxActions(app: App, deps: InboxActionDeps): void {
  for (const [action, actionId] of [['claim', INBOX_ACTIONS.claim], ['resolve', INBOX_ACTIONS.resolve]] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ body, action: button, ack, client }) => {
      await ack();
      const profile = await deps.locales.get(client, body.user.id);
      const by = profile.name ?? body.user.name ?? body.user.id;
      try {
        const moved = await deps.cases.move(button.value ?? '', action, by);
        deps.logger.info({ case: moved.case.number, action, consultant: body.user.id }, 'case moved from the Slack inbox');
      } catch (error) {
        if (!(error instanceof CaseTransitionError)) throw error;
        const channel = body.channel?.id;
        if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text: error.message });
      }
    });
  }
}
