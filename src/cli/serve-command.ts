import type { Logger } from 'pino';
import { slackFromConfig } from '../adapters/slack/slack-from-config.ts';
import { teamsEndpoint } from '../adapters/teams/teams-endpoint.ts';
import { playgroundMounts } from '../adapters/web/playground-mounts.ts';
import type { Config } from '../config/config.ts';
import { loadFlowEngine } from '../dialogs/load-flow-engine.ts';
import { createRuntime } from '../main.ts';
import { createHttpApp, listen } from '../server/http-server.ts';

/** Starts the HTTP server and keeps running until SIGINT/SIGTERM; returns the exit code. */
export async function runServe(config: Config, logger: Logger): Promise<number> {
  const runtime = await createRuntime(config, logger, loadFlowEngine);
  const slack = slackFromConfig(config, runtime, logger);
  const app = createHttpApp({
    logger,
    readiness: { store: () => runtime.store.ping() },
    mounts: [...playgroundMounts(config, runtime, logger), ...slack.mounts, teamsEndpoint({ bot: runtime.bot, store: runtime.store, logger, settings: config, escalation: runtime.escalation })],
  });
  const server = await listen(app, config.PORT, config.HOST);
  await slack.start();
  const shownHost = config.HOST === '127.0.0.1' || config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  logger.info({ port: config.PORT, host: config.HOST }, 'listening');
  process.stdout.write(`SoMe-rådgiveren kører på http://${shownHost}:${config.PORT}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await slack.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await runtime.close();
  return 0;
}
