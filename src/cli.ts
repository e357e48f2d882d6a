import { randomUUID } from 'node:crypto';
import { setTimeout } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config/config.ts';
import { createLogger } from './logging/logger.ts';
import { KnowledgeError } from './knowledge/lint-error.ts';
import { createRuntime } from './main.ts';
import { openCaseDesk } from './store-services.ts';
import { StoreUnavailableError } from './store/store.ts';
import { ListenError } from './server/listen-error.ts';
import { runAsk } from './cli/ask-command.ts';
import { runCases } from './cli/cases-command.ts';
import { runChat } from './cli/chat-command.ts';
import { runFlows } from './cli/flows-command.ts';
import { consoleMessenger } from './cli/console-messenger.ts';
import type { ConversationMessenger } from './escalation/conversation-messenger.ts';
import { defaultUserId, parseLocale, UsageError, type ChatOptions } from './cli/cli-options.ts';
import { runLint } from './cli/lint-command.ts';
import { runSearch } from './cli/search-command.ts';
import { runServe } from './cli/serve-command.ts';
import { loadFlowEngine } from './dialogs/load-flow-engine.ts';
import { parseSince, runReport } from './cli/report-command.ts';
import { plainStyle, renderForTerminal } from './adapters/console/render-terminal.ts';
import { runTeamsPackage, TeamsPackageError } from './adapters/teams/package/teams-package.ts';
import { runBackup } from './cli/backup-command.ts';
import { exitQuietlyOnBrokenPipe } from './cli/broken-pipe.ts';
import { runDoctor } from './cli/doctor-command.ts';
import { runMigrate } from './cli/migrate-command.ts';
import { runVersion } from './cli/version-command.ts';
import { releaseStartUpHeap } from './shared/start-up-heap.ts';

const USAGE = `Usage: some-advisor <command> [options]

Commands:
  serve                               start the HTTP server (Slack, Teams, playground)
  chat [--json] [--conversation ID] [--user ID] [--lang da|en]
                                      chat in the terminal (--json: one JSON line per input)
  ask "question" [--json] [--lang da|en]
                                      answer one question
  search [--json-lines] [--limit N]   search one question per stdin line
  lint [--json]                       validate the knowledge folder (KNOWLEDGE_DIR)
  flows [--json] [--mermaid ID]       list the guided flows (paths per flow), or print one as a Mermaid flowchart
  cases list|show|claim|resolve|reply|delete [KL-…] ["text"] [--by NAME] [--lang da|en] [--json]
                                      consultant requests: list, show, claim (Overtag), resolve (Afslut),
                                      reply (a message to the requester, on their platform); claim, resolve
                                      and reply need --by NAME, the name the requester sees; delete erases a
                                      case at once with everything stored about it (--by NAME is logged)
  teams-package [--out FILE] [--app-version X.Y.Z] [--developer-name NAME] [--website-url URL]
                [--privacy-url URL] [--terms-url URL]
                                      write the Teams app package (zip) with MICROSOFT_APP_ID; the flags
                                      override TEAMS_APP_VERSION, TEAMS_DEVELOPER_NAME, TEAMS_*_URL
  report [--since DATE] [--json]      questions, unanswered questions, feedback, flow funnels, escalations

Operations:
  migrate                             apply the database migrations and exit (a pre-deploy job)
  backup FILE                         copy the SQLite database (online); with PostgreSQL print the pg_dump command
  doctor                              check configuration, knowledge, store, escalation routes and credentials;
                                      exit 1 on problems
  version, --version                  print the installed version and the Node.js version
`;

/** How long a closing chat waits for the notifications that arrived while it was open (a store may not answer). */
const FINAL_DELIVERY_WAIT_MS = 2000;

/** parseArgs' errors for unknown options, bad values and stray arguments: a usage error, not a crash. */
const PARSE_ERRORS = new Set(['ERR_PARSE_ARGS_UNKNOWN_OPTION', 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE', 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL']);

/** Reads .env when present (Node's own loader). */
function loadDotEnv(): void {
  try {
    process.loadEnvFile();
  } catch {
    // no .env file: the environment alone is used
  }
}

/** The command's options; an unknown option or a bad value is a UsageError (usage, exit 2). */
function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'json-lines': { type: 'boolean', default: false },
        conversation: { type: 'string' },
        user: { type: 'string' },
        lang: { type: 'string' },
        limit: { type: 'string' },
        by: { type: 'string' },
        out: { type: 'string' },
        since: { type: 'string' },
        mermaid: { type: 'string' },
        'app-version': { type: 'string' },
        'developer-name': { type: 'string' },
        'website-url': { type: 'string' },
        'privacy-url': { type: 'string' },
        'terms-url': { type: 'string' },
      },
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && PARSE_ERRORS.has(code)) throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
    throw error;
  }
}

/** teams-package's flags as the variables they override (validated with the rest of the configuration). */
function teamsPackageFlags(values: ReturnType<typeof parseOptions>['values']): Record<string, string> {
  const flags = {
    TEAMS_APP_VERSION: values['app-version'],
    TEAMS_DEVELOPER_NAME: values['developer-name'],
    TEAMS_WEBSITE_URL: values['website-url'],
    TEAMS_PRIVACY_URL: values['privacy-url'],
    TEAMS_TERMS_URL: values['terms-url'],
  };
  return Object.fromEntries(Object.entries(flags).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Only `serve` is an idle server whose start-up memory matters; it releases the hold itself once it listens.
  if (command !== 'serve') releaseStartUpHeap();
  if (!command || command === '--help' || command === 'help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'version' || command === '--version') return runVersion(process.stdout);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const { values, positionals } = parseOptions(rest);
  loadDotEnv();
  if (command === 'doctor') return runDoctor(process.env, process.stdout);
  const interactive = command !== 'serve';
  const config: Config = loadConfig({
    ...process.env,
    ...(interactive && !process.env.LOG_LEVEL ? { LOG_LEVEL: 'warn' } : {}),
    ...(command === 'teams-package' ? teamsPackageFlags(values) : {}),
  });
  const logger = createLogger(config.LOG_LEVEL);
  const chatOptions = (): ChatOptions => {
    const userId = values.user ?? defaultUserId();
    return {
      json: values.json ?? false,
      userId,
      // each `ask` is a conversation of its own unless one is named: one question must not be "the same answer as
      // before", nor end in a guide paused in the last chat
      conversationId: values.conversation ?? (command === 'ask' ? `ask:${randomUUID()}` : `console:${userId}`),
      locale: parseLocale(values.lang),
    };
  };
  switch (command) {
    case 'lint':
      return runLint(config.KNOWLEDGE_DIR, loadFlowEngine, values.json ?? false, process.stdout);
    case 'flows':
      return runFlows(config.KNOWLEDGE_DIR, { json: values.json ?? false, mermaid: values.mermaid }, process.stdout, process.stderr);
    case 'serve':
      return runServe(config, logger);
    case 'search': {
      const limit = values.limit === undefined ? 5 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a whole number of at least 1.');
      const runtime = await createRuntime(config, logger, loadFlowEngine, { outbox: false });
      try {
        await runSearch(runtime.knowledge(), limit, process.stdin, process.stdout);
      } finally {
        await runtime.close();
      }
      return 0;
    }
    case 'chat':
    case 'ask': {
      const options = chatOptions();
      if (command === 'ask' && positionals.length === 0) throw new UsageError('ask needs a question: some-advisor ask "må vi slette kommentarer"');
      const runtime = await createRuntime(config, logger, loadFlowEngine, { outbox: command === 'chat' });
      const register = (messenger: ConversationMessenger) => runtime.escalation.messengers.register(messenger);
      // a consultant's reply or a case taken while no chat was open arrives as soon as the chat opens, and one that
      // arrives while it is open is delivered before it closes (not only at the worker's next poll); neither waits
      // for a store that does not answer
      const deliverPending = () => runtime.escalation.worker.runOnce().catch((error: unknown) => logger.warn({ err: error }, 'delivering pending notifications failed'));
      try {
        if (command === 'chat') {
          await runChat(runtime.bot, options, process.stdin, process.stdout, register, () => void deliverPending());
          await Promise.race([deliverPending(), setTimeout(FINAL_DELIVERY_WAIT_MS, undefined, { ref: false })]);
        } else {
          register(consoleMessenger(options.conversationId, options.json, process.stdout, (messages) => renderForTerminal(messages, plainStyle).text));
          await runAsk(runtime.bot, positionals.join(' '), options, process.stdout);
        }
      } finally {
        await runtime.close();
      }
      return 0;
    }
    case 'cases': {
      const desk = await openCaseDesk(config, logger);
      try {
        const options = { json: values.json ?? false, by: values.by, locale: parseLocale(values.lang) };
        return await runCases(desk.cases, positionals, options, process.stdout, process.stderr);
      } finally {
        await desk.close();
      }
    }
    case 'report': {
      const since = parseSince(values.since);
      const runtime = await createRuntime(config, logger, loadFlowEngine, { outbox: false });
      try {
        await runReport(runtime.store, runtime.knowledge(), runtime.flowDefinitions(), { since, json: values.json ?? false }, process.stdout);
      } finally {
        await runtime.close();
      }
      return 0;
    }
    case 'migrate':
      return runMigrate(config, logger, process.stdout);
    case 'backup':
      return runBackup(config, positionals[0], process.stdout);
    case 'teams-package':
      try {
        return await runTeamsPackage(config, values.out ?? 'some-advisor-teams.zip', process.stdout);
      } catch (error) {
        if (!(error instanceof TeamsPackageError)) throw error;
        process.stderr.write(`${error.message}\n`);
        return 2;
      }
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

exitQuietlyOnBrokenPipe(process.stdout);
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigError || error instanceof UsageError || error instanceof KnowledgeError || error instanceof StoreUnavailableError || error instanceof ListenError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = error instanceof ConfigError || error instanceof UsageError ? 2 : 1;
  } else {
    process.stderr.write(`some-advisor: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
