import { playgroundEnabled } from '../adapters/web/playground-enabled.ts';
import type { Config } from '../config/config.ts';
import { teamsAppType } from './credential-checks.ts';

/** One thing `serve` offers and how it is set up, e.g. { surface: 'slack', state: 'Socket Mode' }. */
export interface Surface {
  surface: 'slack' | 'teams' | 'playground' | 'escalation' | 'metrics';
  state: string;
}

/** Where consultant requests are sent: the Slack channel, e-mail, the registered Teams inbox (none: only `cases list`). */
export function escalationRoutes(c: Config, teamsInboxRegistered: boolean): string[] {
  return [
    ...(c.CONSULTANT_SLACK_CHANNEL && c.SLACK_BOT_TOKEN ? [`Slack channel ${c.CONSULTANT_SLACK_CHANNEL}`] : []),
    ...(c.SMTP_URL && c.CONSULTANT_EMAIL ? [`e-mail to ${c.CONSULTANT_EMAIL}`] : []),
    ...(teamsInboxRegistered ? ['Teams inbox channel'] : []),
  ];
}

/** How each surface of `serve` is set up by this configuration, one line each (logged at start, printed by doctor). */
export function surfaces(c: Config, teamsInboxRegistered: boolean): Surface[] {
  const slack = !c.SLACK_BOT_TOKEN ? 'off (SLACK_BOT_TOKEN not set)' : c.SLACK_APP_TOKEN ? 'Socket Mode' : 'HTTP (POST /slack/events)';
  const teamsVariables = c.MICROSOFT_APP_ID || c.MICROSOFT_APP_PASSWORD || c.MICROSOFT_APP_TENANT_ID || c.MICROSOFT_APP_TYPE;
  const teams = teamsVariables
    ? `authenticated (${teamsAppType(c)}, POST /api/messages)`
    : c.NODE_ENV === 'production'
      ? 'off (NODE_ENV=production without MICROSOFT_APP_ID: /api/messages answers 401)'
      : 'anonymous local development (POST /api/messages from this machine only)';
  const routes = escalationRoutes(c, teamsInboxRegistered);
  return [
    { surface: 'slack', state: slack },
    { surface: 'teams', state: teams },
    { surface: 'playground', state: playgroundEnabled(c) ? 'on (/, /guides, /search, /insights)' : 'off' },
    { surface: 'escalation', state: routes.length > 0 ? routes.join(', ') : 'no route: requests are saved (cases list) but nobody is notified' },
    { surface: 'metrics', state: c.METRICS_TOKEN ? 'GET /metrics with the METRICS_TOKEN bearer token' : 'GET /metrics from this machine only (set METRICS_TOKEN for a scraper elsewhere)' },
  ];
}
