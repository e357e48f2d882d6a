import { isIP } from 'node:net';
import { z } from 'zod';
import { DEFAULT_CASE_PREFIX } from '../store/case-number.ts';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** An optional URL whose scheme matches `protocols`; `message` names the schemes allowed (e.g. "must be an https:// URL"). */
const urlString = (protocols: RegExp, message: string) =>
  optionalString.refine((v) => v === undefined || (URL.canParse(v) && protocols.test(new URL(v).protocol)), { message });

/** A DNS host name (`localhost`, `raadgiver.kommune.dk`); all-numeric names are not, so `999.1.1.1` is no address. */
const hostName = z.hostname().refine((v) => !/^[\d.]+$/.test(v));

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? String(fallback) : v.trim()))
    .pipe(z.string().regex(/^\d+$/, 'must be a whole number').transform(Number))
    .pipe(z.number().int().positive('must be greater than 0'));

/** Every environment variable the program reads, with defaults. */
export const envSchema = z.object({
  /** `production` turns off the knowledge watcher and needs Teams credentials; unset means development. */
  NODE_ENV: optionalString.pipe(
    z.enum(['production', 'development', 'test'], { error: 'must be production, development or test (lower case); unset means development' }).optional(),
  ),
  PORT: positiveInt(3978).pipe(z.number().max(65535, 'must be a port number (1-65535)')),
  HOST: optionalString
    .refine((v) => v === undefined || isIP(v) !== 0 || hostName.safeParse(v).success, {
      message: 'must be an IP address (127.0.0.1, 0.0.0.0 for every interface, ::) or a host name such as localhost',
    })
    .transform((v) => v ?? '127.0.0.1'),
  DATABASE_URL: urlString(/^postgres(ql)?:$/, 'must be a postgres:// or postgresql:// URL'),
  /** PostgreSQL connections per instance; N instances need N × this (plus other clients) within max_connections. */
  DATABASE_POOL_MAX: positiveInt(10).pipe(z.number().max(1000, 'must be at most 1000 (each connection is a PostgreSQL process)')),
  SQLITE_PATH: optionalString.transform((v) => v ?? './data/some-advisor.db'),
  KNOWLEDGE_DIR: optionalString.transform((v) => v ?? './knowledge'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .optional()
    .transform((v) => v ?? 'info'),
  STATE_TTL_DAYS: positiveInt(30),
  /** Days a resolved case is kept (with its contact, transcript and messages) before the hourly purge deletes it; at most 100 years. */
  CASE_RETENTION_DAYS: positiveInt(365).pipe(z.number().max(36500, 'must be at most 36500 (100 years)')),
  /** Turns one user may send per minute (per instance); more get a polite "slow down". */
  RATE_LIMIT_PER_MINUTE: positiveInt(30),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: urlString(/^https?:$/, 'must be an http:// or https:// URL'),
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  MICROSOFT_APP_TYPE: z
    .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'], {
      error: 'must be SingleTenant, MultiTenant or UserAssignedMSI',
    })
    .optional(),
  CONSULTANT_SLACK_CHANNEL: optionalString,
  /** Teams team ids (channelData.team.id, "19:…@thread.tacv2") whose channels may be registered as the consultant inbox. */
  TEAMS_CONSULTANT_TEAM_IDS: optionalString.transform((v) => {
    const ids = v?.split(',').map((id) => id.trim()).filter((id) => id !== '');
    return ids && ids.length > 0 ? ids : undefined;
  }),
  SMTP_URL: urlString(/^smtps?:$/, 'must be an smtp:// or smtps:// URL'),
  CONSULTANT_EMAIL: optionalString.refine((v) => v === undefined || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: 'must be an e-mail address' }),
  SMTP_FROM: optionalString,
  /** Case numbers' prefix (KL-2026-0042); installations that run side by side each set their own. */
  CASE_PREFIX: optionalString
    .refine((v) => v === undefined || /^[A-Za-z0-9]{1,10}$/.test(v), { message: 'must be 1-10 letters (A-Z) or digits, e.g. KL or AARHUS' })
    .transform((v) => v ?? DEFAULT_CASE_PREFIX),
  /** Shown to an urgent request outside office hours (e.g. an on-call number KL decides); nothing is shown when unset. */
  URGENT_CONTACT_TEXT: optionalString.refine((v) => v === undefined || v.length <= 300, { message: 'must be at most 300 characters' }),
  OUTBOX_POLL_MS: positiveInt(1000),
  OUTBOX_RETRY_BASE_MS: positiveInt(5000),
  /** Key for pseudonymising user ids in analytics; when unset, one is generated once and kept in the store's settings table. */
  ANALYTICS_SECRET: optionalString.refine((v) => v === undefined || v.length >= 16, { message: 'must be at least 16 characters' }),
  ANALYTICS_RETENTION_DAYS: positiveInt(365),
  /** The browser playground: on by default only when HOST is a loopback address. */
  PLAYGROUND: optionalString.pipe(z.enum(['on', 'off'], { error: 'must be "on" or "off"' }).optional()),
  /** The address people use to reach the playground (behind a reverse proxy); its host is accepted in the Host header. */
  PUBLIC_URL: urlString(/^https?:$/, 'must be an http:// or https:// URL'),
  /** Bearer token that lets a scraper elsewhere read GET /metrics; without it only this machine may. */
  METRICS_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 16, { message: 'must be at least 16 characters' }),
  /** teams-package: the app's version and the developer shown in Teams (defaults from manifest/teams/manifest.json). */
  TEAMS_APP_VERSION: optionalString.refine((v) => v === undefined || /^\d+\.\d+\.\d+$/.test(v), { message: 'must be a version such as 1.2.0' }),
  TEAMS_DEVELOPER_NAME: optionalString.refine((v) => v === undefined || v.length <= 32, { message: 'must be at most 32 characters (Teams shows it as the developer)' }),
  TEAMS_WEBSITE_URL: urlString(/^https:$/, 'must be an https:// URL'),
  TEAMS_PRIVACY_URL: urlString(/^https:$/, 'must be an https:// URL'),
  TEAMS_TERMS_URL: urlString(/^https:$/, 'must be an https:// URL'),
});

/** The validated configuration. */
export type Config = z.output<typeof envSchema>;

/** Thrown when an environment variable is missing or malformed; the message names the variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment and returns the configuration, or throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  return result.data;
}
