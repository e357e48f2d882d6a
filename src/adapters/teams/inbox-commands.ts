import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import { localeFrom } from '../../core/turn.ts';
import { CaseTransitionError, type CaseService } from '../../escalation/case-service.ts';
import type { Store } from '../../store/store.ts';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './adaptive-card.ts';
import { inboxRefusal, teamOf, type InboxAllowList } from './inbox-allow-list.ts';
import { stripBotMentions } from './activity-to-turn.ts';
import { withConnectorRetry, type RetryPolicy } from './connector-retry.ts';
import { readInboxSubmit } from './inbox-card.ts';
import { channelOf, loadInbox, registerInbox } from './inbox-registration.ts';
import { inboxThreadReply } from './inbox-thread-reply.ts';
import { renderCard } from './render-card.ts';
import { teamsStrings } from './teams-strings.ts';

/** What the consultant inbox command and buttons need. */
export interface TeamsInboxDeps {
  store: Store;
  cases: CaseService;
  logger: Logger;
  retry: RetryPolicy;
  /** With MICROSOFT_APP_TENANT_ID set, only a channel in that tenant (KL's own) can become the inbox. */
  tenantId?: string;
  /** The teams whose channels may become the inbox (TEAMS_CONSULTANT_TEAM_IDS), since anyone in a channel can send the command. */
  allowList: InboxAllowList;
  now?: () => Date;
}

/** "konsulentindbakke" / "consultant inbox", optionally after "registrer"/"register", as the whole message. */
const COMMAND = /^(?:registrer|register)?\s*(?:konsulent-?indbakke|consultant[ -]?inbox)[.!]?$/i;

/** True when a message's text (bot mentions removed) is the command that registers the consultant inbox. */
export function isInboxCommand(text: string): boolean {
  return COMMAND.test(text.trim());
}

function tenantOf(activity: Activity): string | undefined {
  const data = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  return activity.conversation?.tenantId ?? (typeof data?.tenant?.id === 'string' ? data.tenant.id : undefined);
}

/**
 * Handles the consultant inbox before the core sees a message: the registration command (in a channel), the
 * "Overtag"/"Afslut" buttons of inbox cards and consultants' replies in a card's thread. Returns true when the activity
 * was one of those.
 */
export function teamsInboxHandler(deps: TeamsInboxDeps): (context: TurnContext) => Promise<boolean> {
  const reply = async (context: TurnContext, markdown: string): Promise<void> => {
    const card = renderCard({ blocks: [{ type: 'text', markdown }], fallback: markdown }, localeFrom(context.activity.locale));
    const activity = Activity.fromObject({ type: ActivityTypes.Message, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] });
    await withConnectorRetry('answering in the consultant inbox', context.activity.conversation?.id ?? '', () => context.sendActivity(activity), deps.logger, deps.retry);
  };

  const register = async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    const s = teamsStrings(localeFrom(activity.locale));
    const channel = channelOf(activity);
    if (!channel) return reply(context, s.inboxOnlyInChannel);
    const tenant = tenantOf(activity);
    if (deps.tenantId && tenant !== deps.tenantId) {
      deps.logger.warn({ tenant, channel }, 'consultant inbox registration refused: the channel is not in MICROSOFT_APP_TENANT_ID');
      return reply(context, s.inboxWrongTenant);
    }
    const team = teamOf(activity);
    const refusal = inboxRefusal(team, deps.allowList);
    if (refusal) {
      const why = refusal === 'not-listed' ? 'the team is not in TEAMS_CONSULTANT_TEAM_IDS' : 'TEAMS_CONSULTANT_TEAM_IDS is not set';
      deps.logger.warn({ team, tenant, channel, by: activity.from?.aadObjectId ?? activity.from?.id }, `consultant inbox registration refused: ${why}; add the team id to TEAMS_CONSULTANT_TEAM_IDS to allow it`);
      return reply(context, refusal === 'not-listed' ? s.inboxTeamNotAllowed(team ?? '?') : s.inboxTeamsUnconfigured(team ?? '?'));
    }
    const registration = await registerInbox(deps.store, activity, channel, (deps.now ?? (() => new Date()))());
    deps.logger.info({ channel, team, tenant, by: registration.registeredBy }, 'Teams channel registered as consultant inbox');
    await reply(context, s.inboxRegistered);
    // Cases registered while there was no consultant channel now go to this one.
    const forwarded = await deps.cases.forwardUnrouted();
    if (forwarded > 0) deps.logger.info({ cases: forwarded }, 'cases that had no consultant channel were sent to the new Teams inbox');
  };

  const click = async (context: TurnContext, action: 'claim' | 'resolve', caseId: string): Promise<void> => {
    const activity = context.activity;
    const inbox = await loadInbox(deps.store);
    if (!inbox || channelOf(activity) !== inbox.channel) return reply(context, teamsStrings(localeFrom(activity.locale)).inboxNotHere);
    const by = activity.from?.name ?? activity.from?.id ?? 'KL';
    try {
      const moved = await deps.cases.move(caseId, action, by);
      deps.logger.info({ case: moved.case.number, action, consultant: activity.from?.aadObjectId ?? activity.from?.id }, 'case moved from the Teams inbox');
    } catch (error) {
      if (!(error instanceof CaseTransitionError)) throw error;
      await reply(context, error.message);
    }
  };

  return async (context) => {
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message) return false;
    const submit = readInboxSubmit(activity.value);
    if (submit) {
      await click(context, submit.action, submit.caseId);
      return true;
    }
    if (typeof activity.text !== 'string') return false;
    if (isInboxCommand(stripBotMentions(activity))) {
      await register(context);
      return true;
    }
    const relayed = await inboxThreadReply(deps, activity);
    if (relayed === undefined) return false;
    await reply(context, relayed);
    return true;
  };
}
