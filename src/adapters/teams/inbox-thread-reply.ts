import type { Activity } from '@microsoft/agents-activity';
import type { Logger } from 'pino';
import type { CaseService, MessageOutcome } from '../../escalation/case-service.ts';
import { relayedNote } from '../../escalation/relayed-note.ts';
import { localeFrom } from '../../core/turn.ts';
import type { Store } from '../../store/store.ts';
import { stripBotMentions } from './activity-to-turn.ts';
import { teamsCardOf } from './inbox-notifier.ts';
import { channelOf, loadInbox } from './inbox-registration.ts';

/** What a consultant's reply in an inbox card's thread needs. */
export interface InboxThreadDeps {
  store: Store;
  cases: CaseService;
  logger: Logger;
}

/** The root message id of a channel thread ("19:…@thread.tacv2;messageid=<root>"), or undefined outside a thread. */
function threadRoot(activity: Activity): string | undefined {
  const root = activity.conversation?.id.split(';messageid=')[1];
  return root || undefined;
}

/**
 * A message in the thread under an inbox card, in the channel registered as consultant inbox, is the consultant's reply
 * to that case's requester. Teams delivers a channel message to the bot only when it @mentions the bot (no
 * resource-specific consent is requested), so consultants write "@SoMe-rådgiveren <svar>" in the card's thread.
 * Resolves with what to answer in the thread, or undefined when the message is not such a reply (the core answers it).
 */
export async function inboxThreadReply(deps: InboxThreadDeps, activity: Activity): Promise<string | undefined> {
  const root = threadRoot(activity);
  if (!root || typeof activity.text !== 'string') return undefined;
  const inbox = await loadInbox(deps.store);
  if (!inbox || channelOf(activity) !== inbox.channel) return undefined;
  const view = await deps.cases.find((v) => teamsCardOf(v)?.activityId === root);
  if (!view) return undefined;
  const by = activity.from?.name ?? activity.from?.id ?? 'KL';
  const outcome: MessageOutcome =
    view.case.status === 'resolved'
      ? { ok: false, reason: 'resolved', view }
      : await deps.cases.reply(view.case.id, stripBotMentions(activity), by, 'teams-inbox', activity.id ? `teams:${activity.id}` : undefined);
  deps.logger.info({ case: view.case.number, ok: outcome.ok, consultant: activity.from?.aadObjectId ?? activity.from?.id }, 'consultant replied in the Teams inbox thread');
  return relayedNote(outcome, localeFrom(activity.locale));
}
