import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config/config.ts';
import { TEAMS_INBOX_SETTING } from '../escalation/escalation-module.ts';
import { silentLogger } from '../logging/logger.ts';
import { checkOperations, checkSlack, checkTeams, type Finding } from '../ops/credential-checks.ts';
import { checkSmtp } from '../ops/smtp-check.ts';
import { describeStore } from '../ops/store-description.ts';
import { escalationRoutes, surfaces } from '../ops/surfaces.ts';
import { createStore } from '../store/create-store.ts';
import type { Store } from '../store/store.ts';
import { checkKnowledge } from './knowledge-check.ts';

const MARK: Record<Finding['level'], string> = { ok: 'ok     ', warning: 'warning', error: 'ERROR  ' };

/** Opens the store without creating anything: reachable? migrated? is a Teams inbox registered? */
async function checkStore(config: Config): Promise<{ findings: Finding[]; teamsInbox: boolean }> {
  const where = describeStore(config);
  if (!config.DATABASE_URL && !existsSync(config.SQLITE_PATH)) {
    const dir = dirname(config.SQLITE_PATH);
    const writable = (() => {
      try {
        accessSync(existsSync(dir) ? dir : dirname(dir), constants.W_OK);
        return true;
      } catch {
        return false;
      }
    })();
    return {
      findings: [writable ? { level: 'warning', subject: 'store', message: `${where} does not exist yet; serve or migrate creates it.` } : { level: 'error', subject: 'store', message: `${where} does not exist and ${dir} is not writable.` }],
      teamsInbox: false,
    };
  }
  let store: Store;
  try {
    store = await createStore({ databaseUrl: config.DATABASE_URL, sqlitePath: config.SQLITE_PATH, logger: silentLogger() });
  } catch (error) {
    // e.g. better-sqlite3 built for another Node.js version: the message says what to do
    return { findings: [{ level: 'error', subject: 'store', message: error instanceof Error ? error.message : String(error) }], teamsInbox: false };
  }
  try {
    await store.ping();
  } catch (error) {
    await store.close().catch(() => undefined);
    return { findings: [{ level: 'error', subject: 'store', message: `${where} does not answer: ${error instanceof Error ? error.message : String(error)}` }], teamsInbox: false };
  }
  try {
    const teamsInbox = (await store.getSetting(TEAMS_INBOX_SETTING)) !== null;
    return { findings: [{ level: 'ok', subject: 'store', message: `${where} answers` }], teamsInbox };
  } catch {
    return { findings: [{ level: 'error', subject: 'store', message: `${where} answers but is not migrated; run some-advisor migrate.` }], teamsInbox: false };
  } finally {
    await store.close();
  }
}

/**
 * `some-advisor doctor`: checks the configuration, the knowledge folder, the store, the escalation routes and the shape
 * of the Slack and Teams credentials, prints one line per finding and exits 1 when something is wrong.
 */
export async function runDoctor(env: NodeJS.ProcessEnv, stdout: NodeJS.WritableStream): Promise<number> {
  const print = (f: Finding) => stdout.write(`${MARK[f.level]} ${f.subject}: ${f.message}\n`);
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) print({ level: 'error', subject: 'configuration', message: problem });
    stdout.write(`${error.problems.length} problem(s): fix the configuration and run doctor again.\n`);
    return 1;
  }
  const store = await checkStore(config);
  const routes = escalationRoutes(config, store.teamsInbox);
  const findings: Finding[] = [
    { level: 'ok', subject: 'configuration', message: 'every variable is valid' },
    ...(await checkKnowledge(config.KNOWLEDGE_DIR)),
    ...store.findings,
    ...checkSlack(config),
    ...checkTeams(config),
    routes.length > 0
      ? { level: 'ok', subject: 'escalation', message: routes.join(', ') }
      : { level: 'error', subject: 'escalation', message: 'no route: consultant requests are saved but nobody is told. Set CONSULTANT_SLACK_CHANNEL, or SMTP_URL and CONSULTANT_EMAIL, or register a Teams inbox channel.' },
    ...(await checkSmtp(config)),
    ...checkOperations(config),
  ];
  for (const finding of findings) print(finding);
  for (const s of surfaces(config, store.teamsInbox).filter((x) => x.surface === 'playground' || x.surface === 'metrics')) print({ level: 'ok', subject: s.surface, message: s.state });
  const problems = findings.filter((f) => f.level === 'error').length;
  stdout.write(problems === 0 ? 'No problems found.\n' : `${problems} problem(s) found.\n`);
  return problems === 0 ? 0 : 1;
}
