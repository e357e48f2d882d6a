import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { teamsEndpoint } from '../../../src/adapters/teams/teams-endpoint.ts';
import { loadConfig, type Config } from '../../../src/config/config.ts';
import type { Runtime } from '../../../src/main.ts';
import type { RouteMount } from '../../../src/server/http-server.ts';

/**
 * Configuration of an escalation test server: a fresh SQLite file (named after the test), the fixture knowledge, an
 * outbox that polls and retries every 50 ms, silent logs, and `settings` (platform credentials, inbox channel …).
 */
export async function escalationTestConfig(name: string, settings: Record<string, string> = {}): Promise<Config> {
  return loadConfig({
    SQLITE_PATH: join(await mkdtemp(join(tmpdir(), `some-${name}-`)), 'state.db'),
    KNOWLEDGE_DIR: join(import.meta.dirname, '..', 'fixtures', 'knowledge'),
    OUTBOX_POLL_MS: '50',
    OUTBOX_RETRY_BASE_MS: '50',
    LOG_LEVEL: 'silent',
    ...settings,
  });
}

/** The Teams endpoint as escalation tests mount it: anonymous (loopback), no typing indicator, quick connector retries. */
export function testTeamsEndpoint(runtime: Runtime, logger: Logger): RouteMount {
  return teamsEndpoint({ bot: runtime.bot, store: runtime.store, logger, settings: {}, escalation: runtime.escalation, typingDelayMs: 10_000, retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 10 } });
}

/** Posts a Bot Framework activity to the server at `base`, as the connector does (anonymous mode: no token). */
export function postActivity(base: string, activity: Record<string, unknown>): Promise<Response> {
  return fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
}
