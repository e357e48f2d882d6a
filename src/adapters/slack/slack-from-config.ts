import type { Logger } from 'pino';
import type { Config } from '../../config/config.ts';
import type { Runtime } from '../../main.ts';
import type { ReadinessCheck, RouteMount } from '../../server/http-server.ts';

/** The Slack part of `serve`: routes for the HTTP server, and a Socket Mode connection to start and stop. */
export interface SlackService {
  mounts: RouteMount[];
  /** Readiness checks for `/readyz` ("slack-socket" over Socket Mode). */
  readiness: Record<string, ReadinessCheck>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Builds Slack from the SLACK_* variables: off without SLACK_BOT_TOKEN, Socket Mode when SLACK_APP_TOKEN is set,
 * otherwise `POST /slack/events` (which needs SLACK_SIGNING_SECRET). Bolt is loaded only when Slack is configured.
 */
export async function slackFromConfig(config: Config, runtime: Pick<Runtime, 'bot' | 'store' | 'knowledge'> & Partial<Pick<Runtime, 'escalation'>>, logger: Logger): Promise<SlackService> {
  const off: SlackService = { mounts: [], readiness: {}, start: async () => undefined, stop: async () => undefined };
  if (!config.SLACK_BOT_TOKEN) return off;
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
    throw new Error('SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP) nor SLACK_APP_TOKEN (Socket Mode) is; set one of them.');
  }
  const { createSlackAdapter } = await import('./slack-adapter.ts');
  const adapter = createSlackAdapter({
    bot: runtime.bot,
    store: runtime.store,
    knowledge: runtime.knowledge,
    logger,
    botToken: config.SLACK_BOT_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    appToken: config.SLACK_APP_TOKEN,
    apiUrl: config.SLACK_API_URL,
    escalation: runtime.escalation,
    consultantChannel: config.CONSULTANT_SLACK_CHANNEL,
  });
  if (config.SLACK_APP_TOKEN) {
    return {
      mounts: [],
      readiness: { 'slack-socket': () => adapter.socketReady() },
      async start() {
        await adapter.startSocketMode();
        logger.info('Slack connected over Socket Mode');
      },
      stop: () => adapter.stop(),
    };
  }
  return { mounts: [adapter.mount], readiness: {}, start: async () => undefined, stop: async () => undefined };
}
