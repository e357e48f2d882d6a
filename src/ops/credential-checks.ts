import type { Config } from '../config/config.ts';

/** One finding of `doctor`: an error makes it exit 1; a warning is worth reading; ok says what works. */
export interface Finding {
  level: 'ok' | 'warning' | 'error';
  subject: string;
  message: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{6,}$/;
const TEAMS_TEAM_ID = /^19:.+@thread\.(tacv2|skype)$/;

const error = (subject: string, message: string): Finding => ({ level: 'error', subject, message });
const warning = (subject: string, message: string): Finding => ({ level: 'warning', subject, message });
const ok = (subject: string, message: string): Finding => ({ level: 'ok', subject, message });

/** Checks the shape and consistency of the Slack variables (tokens' prefixes, what needs what). */
export function checkSlack(c: Config): Finding[] {
  const out: Finding[] = [];
  if (!c.SLACK_BOT_TOKEN) {
    if (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN) out.push(error('slack', 'SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not, so Slack stays off; set SLACK_BOT_TOKEN (xoxb-…).'));
    else out.push(ok('slack', 'off (SLACK_BOT_TOKEN is not set)'));
  } else {
    if (!c.SLACK_BOT_TOKEN.startsWith('xoxb-')) out.push(error('slack', 'SLACK_BOT_TOKEN must be the Bot User OAuth Token, which starts with xoxb- (OAuth & Permissions).'));
    if (c.SLACK_APP_TOKEN && !c.SLACK_APP_TOKEN.startsWith('xapp-')) out.push(error('slack', 'SLACK_APP_TOKEN must be an app-level token, which starts with xapp- (Basic Information > App-Level Tokens, scope connections:write).'));
    if (!c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) out.push(error('slack', 'SLACK_BOT_TOKEN is set without SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode): serve refuses to start; set one of them.'));
    if (c.SLACK_SIGNING_SECRET && !/^[0-9a-f]{32}$/.test(c.SLACK_SIGNING_SECRET)) out.push(warning('slack', 'SLACK_SIGNING_SECRET does not look like a Slack signing secret (32 hexadecimal characters, under Basic Information).'));
    if (c.SLACK_APP_TOKEN && c.SLACK_SIGNING_SECRET) out.push(warning('slack', 'both SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are set: Socket Mode is used and POST /slack/events is not served.'));
    if (!out.some((f) => f.level === 'error')) out.push(ok('slack', c.SLACK_APP_TOKEN ? 'Socket Mode' : 'HTTP (POST /slack/events)'));
  }
  if (c.CONSULTANT_SLACK_CHANNEL) {
    if (!c.SLACK_BOT_TOKEN) out.push(error('slack', 'CONSULTANT_SLACK_CHANNEL is set but SLACK_BOT_TOKEN is not, so no request reaches that channel.'));
    if (!SLACK_CHANNEL_ID.test(c.CONSULTANT_SLACK_CHANNEL)) out.push(error('slack', `CONSULTANT_SLACK_CHANNEL "${c.CONSULTANT_SLACK_CHANNEL}" is not a channel id (such as C0123ABCDEF: the channel's details, at the bottom); a name does not work.`));
  }
  return out;
}

/** The Teams app type the endpoint uses: MICROSOFT_APP_TYPE, else SingleTenant with a tenant id, else MultiTenant. */
export function teamsAppType(c: Pick<Config, 'MICROSOFT_APP_TYPE' | 'MICROSOFT_APP_TENANT_ID'>): NonNullable<Config['MICROSOFT_APP_TYPE']> {
  return c.MICROSOFT_APP_TYPE ?? (c.MICROSOFT_APP_TENANT_ID ? 'SingleTenant' : 'MultiTenant');
}

/** Checks the shape and consistency of the Teams variables (GUIDs, password, tenant id for SingleTenant). */
export function checkTeams(c: Config): Finding[] {
  const out: Finding[] = [];
  const any = c.MICROSOFT_APP_ID || c.MICROSOFT_APP_PASSWORD || c.MICROSOFT_APP_TENANT_ID || c.MICROSOFT_APP_TYPE;
  if (!any) {
    const mode = c.NODE_ENV === 'production' ? 'off: NODE_ENV=production without MICROSOFT_APP_ID, so /api/messages answers 401' : 'anonymous local development (requests from this machine only)';
    return [ok('teams', mode), ...teamIdFindings(c)];
  }
  const type = teamsAppType(c);
  if (!c.MICROSOFT_APP_ID) out.push(error('teams', 'MICROSOFT_APP_* variables are set but MICROSOFT_APP_ID is not; set it to the Azure Bot\'s Microsoft App ID.'));
  else if (!GUID.test(c.MICROSOFT_APP_ID)) out.push(error('teams', `MICROSOFT_APP_ID "${c.MICROSOFT_APP_ID}" is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`));
  if (c.MICROSOFT_APP_TENANT_ID && !GUID.test(c.MICROSOFT_APP_TENANT_ID)) out.push(error('teams', 'MICROSOFT_APP_TENANT_ID is not a GUID (the Directory (tenant) ID).'));
  if ((type === 'SingleTenant' || type === 'UserAssignedMSI') && !c.MICROSOFT_APP_TENANT_ID) out.push(error('teams', `MICROSOFT_APP_TYPE ${type} needs MICROSOFT_APP_TENANT_ID.`));
  if (type !== 'UserAssignedMSI' && !c.MICROSOFT_APP_PASSWORD) out.push(error('teams', `MICROSOFT_APP_PASSWORD (the client secret) is required for ${type}.`));
  if (type === 'MultiTenant') out.push(warning('teams', 'MultiTenant: Azure has not created new multi-tenant bots since 31 July 2025; an existing one keeps working (see README, Running in production).'));
  if (!out.some((f) => f.level === 'error')) out.push(ok('teams', `authenticated (${type})`));
  return [...out, ...teamIdFindings(c)];
}

function teamIdFindings(c: Config): Finding[] {
  const ids = c.TEAMS_CONSULTANT_TEAM_IDS ?? [];
  const bad = ids.filter((id) => !TEAMS_TEAM_ID.test(id));
  const out = bad.map((id) => error('teams', `TEAMS_CONSULTANT_TEAM_IDS: "${id}" is not a team id (19:…@thread.tacv2).`));
  if (ids.length > 0 && !c.MICROSOFT_APP_ID) out.push(warning('teams', 'TEAMS_CONSULTANT_TEAM_IDS is set but Teams is not connected (MICROSOFT_APP_ID).'));
  return out;
}

/** Checks the e-mail route, says where the analytics secret comes from, and checks production settings. */
export function checkOperations(c: Config): Finding[] {
  const out: Finding[] = [];
  if (Boolean(c.SMTP_URL) !== Boolean(c.CONSULTANT_EMAIL)) out.push(error('e-mail', 'set both SMTP_URL and CONSULTANT_EMAIL (or neither): with one of them e-mail stays off.'));
  out.push(
    c.ANALYTICS_SECRET
      ? ok('analytics', 'pseudonyms keyed by ANALYTICS_SECRET (set the same one on every instance)')
      : ok('analytics', "pseudonyms keyed by a secret generated once and kept in the database's settings table (shared by every instance on it)"),
  );
  if (c.NODE_ENV !== 'production') out.push(warning('production', 'NODE_ENV is not "production": the knowledge folder is watched, and on a loopback HOST the playground (no login) is on unless PLAYGROUND=off.'));
  return out;
}
