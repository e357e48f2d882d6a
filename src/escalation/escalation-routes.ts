import type { Config } from '../config/config.ts';
import { StoreUnavailableError, type Store } from '../store/store.ts';
import { EMAIL_KIND } from './email-notifier.ts';
import type { ConsultantChannel } from './notifier.ts';

/** The outbox kind of the Slack consultant inbox (delivered by the Slack adapter's notifier). */
export const SLACK_INBOX_KIND = 'slack-inbox';

/** The outbox kind of the Teams consultant inbox (delivered by the Teams adapter's notifier). */
export const TEAMS_INBOX_KIND = 'teams-inbox';

/** The setting under which the Teams adapter keeps the channel registered as consultant inbox. */
export const TEAMS_INBOX_SETTING = 'consultant-inbox:teams';

/** The settings that decide where new cases can be delivered. */
export type RouteConfig = Pick<Config, 'SMTP_URL' | 'CONSULTANT_EMAIL' | 'CONSULTANT_SLACK_CHANNEL' | 'SLACK_BOT_TOKEN'>;

/** Where new cases go: `ok` with at least one consultant channel, `no-route` with none (and what would make one). */
export interface EscalationRoutes {
  status: 'ok' | 'no-route';
  channels: ConsultantChannel[];
  /** What is missing for each kind of route, in operator language (empty when every route is there). */
  missing: string[];
}

/**
 * Checks which consultant delivery routes exist: the Slack inbox (CONSULTANT_SLACK_CHANNEL with SLACK_BOT_TOKEN), a Teams
 * channel registered as consultant inbox (read from the store, so every process sees it), e-mail (SMTP_URL with
 * CONSULTANT_EMAIL). `/readyz`, `doctor`, the start-up warning and the case service all ask this one function.
 */
export async function checkEscalationRoutes(config: RouteConfig, store: Pick<Store, 'getSetting'>): Promise<EscalationRoutes> {
  const channels: ConsultantChannel[] = [];
  const missing: string[] = [];
  if (config.CONSULTANT_SLACK_CHANNEL && config.SLACK_BOT_TOKEN) channels.push({ kind: SLACK_INBOX_KIND, updatesOnChange: true, threads: true });
  else missing.push(pair('CONSULTANT_SLACK_CHANNEL', config.CONSULTANT_SLACK_CHANNEL, 'SLACK_BOT_TOKEN', config.SLACK_BOT_TOKEN, 'the Slack inbox'));
  if (await store.getSetting(TEAMS_INBOX_SETTING)) channels.push({ kind: TEAMS_INBOX_KIND, updatesOnChange: true, threads: true });
  else missing.push('no Teams channel is registered as consultant inbox (write "@SoMe-rådgiveren konsulentindbakke" in the consultants\' channel)');
  if (config.SMTP_URL && config.CONSULTANT_EMAIL) channels.push({ kind: EMAIL_KIND, updatesOnChange: false, threads: false });
  else missing.push(pair('SMTP_URL', config.SMTP_URL, 'CONSULTANT_EMAIL', config.CONSULTANT_EMAIL, 'e-mail to consultants'));
  return { status: channels.length > 0 ? 'ok' : 'no-route', channels, missing };
}

/** What `/readyz` shows for escalation: the routes' status, or `unknown` while the store (which holds the Teams inbox) is down. */
export async function escalationReadiness(routes: () => Promise<EscalationRoutes>): Promise<EscalationRoutes['status'] | 'unknown'> {
  try {
    return (await routes()).status;
  } catch (error) {
    if (error instanceof StoreUnavailableError) return 'unknown';
    throw error;
  }
}

/** Says which of two variables that make one route together is missing. */
function pair(first: string, firstValue: string | undefined, second: string, secondValue: string | undefined, route: string): string {
  if (firstValue) return `${second} is not set (${first} is), so ${route} is off`;
  if (secondValue) return `${first} is not set (${second} is), so ${route} is off`;
  return `${first} and ${second} are not set, so ${route} is off`;
}
