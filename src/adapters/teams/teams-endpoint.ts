import express, { type Request, type RequestHandler, type Response } from 'express';
import { CloudAdapter, createOutboundHostValidator } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import type { Bot } from '../../core/bot.ts';
import type { Config } from '../../config/config.ts';
import type { Escalation } from '../../escalation/escalation-module.ts';
import { MAX_UNAUTHENTICATED_BODY_BYTES, refuseDeclaredOversize } from '../../server/body-cap.ts';
import type { RouteMount } from '../../server/http-server.ts';
import type { Store } from '../../store/store.ts';
import { DEFAULT_RETRY_POLICY, errorSummary, type RetryPolicy } from './connector-retry.ts';
import { teamsInboxHandler } from './inbox-commands.ts';
import { teamsInboxNotifier } from './inbox-notifier.ts';
import { SentCards } from './sent-cards.ts';
import { loopbackOnly, loopbackServiceUrls } from './loopback-only.ts';
import { teamsAuthMode, type TeamsAuthSettings } from './teams-auth.ts';
import { requireBotToken } from './token-check.ts';
import { teamsMessenger } from './teams-messenger.ts';
import { teamsTurnLogic, type ConversationReferences } from './teams-turn-logic.ts';

/** The path Azure Bot Service posts activities to. */
export const TEAMS_MESSAGES_PATH = '/api/messages';

/** What the Teams endpoint is built from. */
export interface TeamsEndpointOptions {
  bot: Bot;
  store: Store;
  logger: Logger;
  settings: TeamsAuthSettings & Partial<Pick<Config, 'TEAMS_CONSULTANT_TEAM_IDS'>>;
  references?: ConversationReferences;
  /** Milliseconds before a typing indicator is shown (default 300). */
  typingDelayMs?: number;
  retry?: RetryPolicy;
  /** Escalation: the endpoint registers a messenger (replies to requesters on Teams) and the Teams consultant inbox. */
  escalation?: Pick<Escalation, 'messengers' | 'notifiers' | 'cases'>;
}

/**
 * Builds the `POST /api/messages` route on the Agents SDK's CloudAdapter. With MICROSOFT_APP_ID set, requests must
 * carry a valid Bot Framework token (401 otherwise); without it, anonymous local development, loopback only.
 */
export function teamsEndpoint(options: TeamsEndpointOptions): RouteMount {
  const logger = options.logger.child({ adapter: 'teams' });
  const mode = teamsAuthMode(options.settings);
  const authenticated = mode.kind === 'authenticated';
  // With credentials, replies only go to Microsoft's connector hosts, so a forged serviceUrl cannot receive a token;
  // without them, only to loopback (a local emulator), so a request cannot make the server post to another address.
  const outbound = authenticated ? createOutboundHostValidator({ enabled: true }) : loopbackServiceUrls(logger);
  const adapter = new CloudAdapter(authenticated ? mode.auth : {}, undefined, undefined, {}, outbound);
  adapter.onTurnError = async (context, error) => {
    logger.error({ error: errorSummary(error), conversation: context.activity.conversation?.id, activity: context.activity.id }, 'Teams turn failed; no reply was sent');
  };
  const { escalation, store } = options;
  const appId = options.settings.MICROSOFT_APP_ID;
  const tenantId = options.settings.MICROSOFT_APP_TENANT_ID;
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const messenger = escalation ? teamsMessenger(adapter, appId) : undefined;
  let inbox: ReturnType<typeof teamsInboxHandler> | undefined;
  if (escalation && messenger) {
    escalation.messengers.register(messenger);
    escalation.notifiers.register(teamsInboxNotifier({ adapter, appId, store, cases: escalation.cases }));
    const teamIds = options.settings.TEAMS_CONSULTANT_TEAM_IDS;
    if (authenticated && !teamIds) {
      logger.warn('Teams consultant inbox: TEAMS_CONSULTANT_TEAM_IDS is not set, so no channel can be registered as the inbox; set it to the Teams team ids (comma-separated) whose channels may receive cases.');
    }
    const allowList = { ...(teamIds ? { teamIds } : {}), localDevelopment: !authenticated };
    inbox = teamsInboxHandler({ store, cases: escalation.cases, logger, retry, allowList, ...(tenantId ? { tenantId } : {}) });
  }
  const logic = teamsTurnLogic({
    bot: options.bot,
    store: options.store,
    logger,
    sentCards: new SentCards(store, logger),
    references: options.references ?? messenger,
    ...(inbox ? { inbox } : {}),
    typingDelayMs: options.typingDelayMs ?? 300,
    retry,
  });
  const authorize: RequestHandler = authenticated ? requireBotToken(adapter, logger) : loopbackOnly(logger);
  const handle = async (req: Request, res: Response): Promise<void> => {
    try {
      await adapter.process(req, res, logic);
    } catch (error) {
      logger.error({ error: errorSummary(error) }, 'Teams activity could not be processed');
      if (!res.headersSent) res.status(400).json({ error: 'The activity could not be processed; send a Bot Framework activity as JSON.' });
    }
  };
  return (app) => {
    // A body declared over 1 MB is refused unread, and the caller is checked (token or loopback) before the body is read.
    app.post(TEAMS_MESSAGES_PATH, refuseDeclaredOversize(MAX_UNAUTHENTICATED_BODY_BYTES), authorize, express.json({ limit: MAX_UNAUTHENTICATED_BODY_BYTES }), handle);
  };
}
