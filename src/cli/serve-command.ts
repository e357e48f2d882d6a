import type { Logger } from 'pino';
import { slackFromConfig } from '../adapters/slack/slack-from-config.ts';
import { teamsFromConfig } from '../adapters/teams/teams-from-config.ts';
import { playgroundEnabled } from '../adapters/web/playground-enabled.ts';
import { playgroundMounts } from '../adapters/web/playground-mounts.ts';
import type { Config } from '../config/config.ts';
import { loadFlowEngine } from '../dialogs/load-flow-engine.ts';
import { TEAMS_INBOX_SETTING } from '../escalation/escalation-module.ts';
import { escalationReadiness } from '../escalation/escalation-routes.ts';
import { createRuntime, type Runtime } from '../main.ts';
import { createMetrics } from '../metrics/metrics.ts';
import { metricsMount } from '../metrics/metrics-route.ts';
import { surfaces } from '../ops/surfaces.ts';
import { createHttpApp, listen } from '../server/http-server.ts';
import { startKnowledgeReloader } from '../server/knowledge-reloader.ts';
import { waitForStopSignal } from '../server/stop-signal.ts';
import { holdOldGeneration, releaseStartUpHeap } from '../shared/start-up-heap.ts';
import { playgroundAddress } from './playground-address.ts';

/** Whether a Teams channel is registered as the consultant inbox (false while the store is not reachable yet). */
async function teamsInboxRegistered(runtime: Runtime): Promise<boolean> {
  try {
    return (await runtime.store.getSetting(TEAMS_INBOX_SETTING)) !== null;
  } catch {
    return false;
  }
}

/**
 * Starts the HTTP server and runs until SIGINT/SIGTERM, then shuts down gracefully: stops accepting, finishes turns in
 * flight and the outbox's current delivery, closes the store (a second signal exits at once). SIGHUP reloads knowledge.
 */
export async function runServe(config: Config, logger: Logger): Promise<number> {
  holdOldGeneration();
  const metrics = createMetrics();
  const runtime = await createRuntime(config, logger, loadFlowEngine, { retryStore: true, metrics });
  const slack = await slackFromConfig(config, runtime, logger);
  const teams = await teamsFromConfig({ bot: runtime.bot, store: runtime.store, logger, settings: config, escalation: runtime.escalation, production: config.NODE_ENV === 'production' });
  const app = createHttpApp({
    logger,
    readiness: { store: () => runtime.storeReady(), ...slack.readiness },
    status: { escalation: () => escalationReadiness(() => runtime.escalation.routes()) },
    mounts: [metricsMount(metrics, config.METRICS_TOKEN), ...playgroundMounts(config, runtime, logger), ...slack.mounts, teams],
    middleware: [metrics.requestTimer],
  });
  const server = await listen(app, config.PORT, config.HOST).catch(async (error: unknown) => {
    await runtime.close();
    throw error;
  });
  releaseStartUpHeap();
  void runtime.migrated
    .then(() => runtime.escalation.announceRoutes())
    .catch((error: unknown) => logger.warn({ err: error }, 'escalation routes could not be checked at start; see /readyz'));
  await slack.start();
  for (const { surface, state } of surfaces(config, await teamsInboxRegistered(runtime))) logger.info({ surface }, `${surface}: ${state}`);
  const address = server.address();
  const listening = address !== null && typeof address === 'object' ? address : { address: config.HOST, port: config.PORT };
  const { address: host, port } = listening;
  logger.info({ host, port }, `listening on ${host.includes(':') ? `[${host}]` : host}:${port}`);
  // where to open the playground, for whoever started serve (on stderr with the log; there is nothing to open when it is off)
  if (playgroundEnabled(config)) process.stderr.write(`SoMe-rådgiveren kører på ${playgroundAddress(config.PUBLIC_URL, listening)}\n`);
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
