import type { Logger } from 'pino';
import { slackFromConfig } from '../adapters/slack/slack-from-config.ts';
import { teamsFromConfig } from '../adapters/teams/teams-from-config.ts';
import { playgroundMounts } from '../adapters/web/playground-mounts.ts';
import type { Config } from '../config/config.ts';
import { loadFlowEngine } from '../dialogs/load-flow-engine.ts';
import { createRuntime } from '../main.ts';
import { createHttpApp, listen } from '../server/http-server.ts';
import { startKnowledgeReloader } from '../server/knowledge-reloader.ts';
import { waitForStopSignal } from '../server/stop-signal.ts';

/**
 * Starts the HTTP server and runs until SIGINT/SIGTERM, then shuts down gracefully: stops accepting, finishes turns in
 * flight and the outbox's current delivery, closes the store (a second signal exits at once). SIGHUP reloads knowledge.
 */
export async function runServe(config: Config, logger: Logger): Promise<number> {
  const runtime = await createRuntime(config, logger, loadFlowEngine, { retryStore: true });
  const slack = await slackFromConfig(config, runtime, logger);
  const teams = await teamsFromConfig({ bot: runtime.bot, store: runtime.store, logger, settings: config, escalation: runtime.escalation, production: config.NODE_ENV === 'production' });
  const app = createHttpApp({
    logger,
    readiness: { store: () => runtime.storeReady(), ...slack.readiness },
    status: { escalation: async () => (await runtime.escalation.routes()).status },
    mounts: [...playgroundMounts(config, runtime, logger), ...slack.mounts, teams],
  });
  const server = await listen(app, config.PORT, config.HOST);
  void runtime.migrated
    .then(() => runtime.escalation.announceRoutes())
    .catch((error: unknown) => logger.warn({ err: error }, 'escalation routes could not be checked at start; see /readyz'));
  await slack.start();
  const shownHost = config.HOST === '127.0.0.1' || config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  logger.info({ port: config.PORT, host: config.HOST }, 'listening');
  process.stdout.write(`SoMe-rådgiveren kører på http://${shownHost}:${config.PORT}\n`);
  const stopReloader = startKnowledgeReloader({
    dir: config.KNOWLEDGE_DIR,
    watch: config.NODE_ENV !== 'production',
    reload: () => runtime.reload(),
    logger,
  });
  const signal = await waitForStopSignal(logger);
  logger.info({ signal }, 'shutting down: no new connections; finishing turns in flight (send it again to exit at once)');
  stopReloader();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  await slack.stop();
  await runtime.bot.settled();
  server.closeIdleConnections();
  await closed;
  await runtime.close();
  logger.info('shut down');
  return 0;
}
