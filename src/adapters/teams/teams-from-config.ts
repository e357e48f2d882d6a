import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { ConversationMessenger } from '../../escalation/conversation-messenger.ts';
import { TEAMS_INBOX_KIND } from '../../escalation/escalation-module.ts';
import type { Notifier } from '../../escalation/notifier.ts';
import type { RouteMount } from '../../server/http-server.ts';
import { loopbackOnly } from './loopback-only.ts';
import type { TeamsEndpointOptions } from './teams-endpoint.ts';

/** The path Azure Bot Service posts activities to (the same as teams-endpoint.ts, without loading the Agents SDK). */
const PATH = '/api/messages';

/**
 * The Teams part of `serve`. With any MICROSOFT_APP_* variable set, the endpoint (and the Agents SDK) is built at start,
 * so a bad configuration stops the program there. Without them (anonymous local development, loopback only), the SDK
 * is loaded on the first request to `/api/messages` or the first Teams delivery, which keeps start-up and idle memory
 * down when Teams is not used. In production without them the endpoint answers 401 (see refusedInProduction).
 */
export async function teamsFromConfig(options: TeamsEndpointOptions & { production?: boolean }): Promise<RouteMount> {
  const s = options.settings;
  if (s.MICROSOFT_APP_ID || s.MICROSOFT_APP_PASSWORD || s.MICROSOFT_APP_TENANT_ID || s.MICROSOFT_APP_TYPE) {
    const { teamsEndpoint } = await import('./teams-endpoint.ts');
    return teamsEndpoint(options);
  }
  if (options.production) return refusedInProduction(options.logger);
  options.logger.warn(
    { adapter: 'teams' },
    'Teams endpoint: MICROSOFT_APP_ID is not set, so /api/messages runs in anonymous local-development mode and accepts requests from this machine only. Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to connect Teams.',
  );
  let loading: Promise<Express> | undefined;
  const load = (): Promise<Express> =>
    (loading ??= import('./teams-endpoint.ts').then(({ teamsEndpoint }) => {
      const sub = express();
      sub.disable('x-powered-by');
      teamsEndpoint(options)(sub);
      return sub;
    }));
  const { escalation } = options;
  if (escalation) {
    // Stand-ins until the SDK is loaded: building the endpoint registers the real messenger and notifier in their place.
    const messenger: ConversationMessenger = {
      channel: 'teams',
      async post(reference, messages, key, caseId) {
        await load();
        const real = escalation.messengers.get('teams');
        if (!real || real === messenger) throw new Error('The Teams messenger did not register; the delivery is retried.');
        await real.post(reference, messages, key, caseId);
      },
    };
    const notifier: Notifier = {
      kind: TEAMS_INBOX_KIND,
      async deliver(notification) {
        await load();
        const real = escalation.notifiers.get(TEAMS_INBOX_KIND);
        if (!real || real === notifier) throw new Error('The Teams inbox notifier did not register; the delivery is retried.');
        await real.deliver(notification);
      },
    };
    escalation.messengers.register(messenger);
    escalation.notifiers.register(notifier);
  }
  return (app) => {
    app.post(PATH, loopbackOnly(options.logger), (req, res, next) => {
      load().then((sub) => sub(req, res, next), next);
    });
  };
}

/**
 * NODE_ENV=production without credentials: anonymous mode would trust anything a local reverse proxy forwards (and the
 * Agents SDK refuses to run without a client id in production), so the endpoint answers 401 and says why at start.
 */
function refusedInProduction(logger: Logger): RouteMount {
  const reason = 'Teams endpoint disabled: NODE_ENV=production and MICROSOFT_APP_ID is not set, so /api/messages answers 401. Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to connect Teams.';
  logger.warn({ adapter: 'teams' }, reason);
  return (app) => {
    app.post(PATH, (_req, res) => {
      res.status(401).json({ error: reason });
    });
  };
}
