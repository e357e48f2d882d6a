import { App, ExpressReceiver, SocketModeReceiver, webApi, type Authorize } from '@slack/bolt';
import { MAX_UNAUTHENTICATED_BODY_BYTES, readRawBodyCapped } from '../../server/body-cap.ts';
import type { RouteMount } from '../../server/http-server.ts';
import type { Escalation } from '../../escalation/escalation-module.ts';
import { boltLogger } from './bolt-logger.ts';
import { caseThreads } from './case-threads.ts';
import { registerEventListeners } from './event-listeners.ts';
import { registerInboxActions } from './inbox-actions.ts';
import { slackInboxNotifier } from './inbox-notifier.ts';
import { registerInteractionListeners } from './interaction-listeners.ts';
import { refuseFutureTimestamps, requestSignatureId } from './request-guard.ts';
import { LocaleCache } from './locale-cache.ts';
import { DEFAULT_REQUEST_TIMEOUT_MS, type RetryPolicy } from './response-url.ts';
import { slackMessenger } from './slack-messenger.ts';
import { SlackSender } from './slack-sender.ts';
import { SocketHealth } from './socket-health.ts';
import type { SlackDeps } from './turn-runner.ts';

/** The Slack endpoint on the one HTTP server. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** How the Slack app is configured (from SLACK_* variables) and what it talks to. */
export interface SlackAdapterOptions extends Pick<SlackDeps, 'bot' | 'store' | 'knowledge' | 'logger'> {
  botToken: string;
  /** Needed for HTTP (verifies Slack's signatures); not used over Socket Mode. */
  signingSecret?: string;
  /** An app-level token (xapp-…) switches to Socket Mode. */
  appToken?: string;
  /** Web API base URL (SLACK_API_URL), for tests and proxies. */
  apiUrl?: string;
  retry?: RetryPolicy;
  localeTtlMs?: number;
  formWaitMs?: number;
  /** Escalation: the adapter registers its messenger (requesters on Slack) and, with a channel, the consultant inbox. */
  escalation?: Pick<Escalation, 'cases' | 'notifiers' | 'messengers' | 'marks'>;
  /** CONSULTANT_SLACK_CHANNEL: where new cases arrive as cards with "Overtag" and "Afslut". */
  consultantChannel?: string;
}

/** The Slack app: an HTTP mount for `/slack/events`, or a Socket Mode connection. */
export interface SlackAdapter {
  /** Adds `POST /slack/events` to the HTTP server (HTTP mode; needs the signing secret). */
  mount: RouteMount;
  /** Opens the Socket Mode connection (Socket Mode; needs the app token). */
  startSocketMode(): Promise<void>;
  /** Readiness of the Socket Mode connection: throws unless it is connected (it reconnects by itself after a drop). */
  socketReady(): Promise<void>;
  /** Closes the Socket Mode connection if one is open. */
  stop(): Promise<void>;
}

/** Default retries for Web API calls: 4 retries, 1 s doubling to 30 s; a 429's Retry-After is always waited out. */
export const DEFAULT_RETRY: RetryPolicy = { retries: 4, minTimeoutMs: 1000, maxTimeoutMs: 30_000 };

/** Builds the Slack adapter around the bot; nothing connects until `mount` or `startSocketMode` is called. */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const retry = options.retry ?? DEFAULT_RETRY;
  const logger = options.logger.child({ channel: 'slack' });
  const deps: SlackDeps = {
    bot: options.bot,
    store: options.store,
    knowledge: options.knowledge,
    logger,
    locales: new LocaleCache(options.localeTtlMs ?? 60 * 60 * 1000, logger),
    sender: new SlackSender(logger, retry),
    formWaitMs: options.formWaitMs ?? 2000,
    seenTtlMs: 24 * 60 * 60 * 1000,
  };
  const timeout = retry.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const clientOptions = {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    timeout,
    retryConfig: { retries: retry.retries, factor: 2, minTimeout: retry.minTimeoutMs, maxTimeout: retry.maxTimeoutMs, randomize: true },
  };
  // A fixed token and no auth.test round trip, so nothing stands between a request and its ack.
  const authorize: Authorize<boolean> = async () => ({ botToken: options.botToken });
  let socket: App | undefined;
  const health = new SocketHealth();
  const escalation = options.escalation;
  const threads = escalation
    ? { consultantChannel: options.consultantChannel, handle: caseThreads({ cases: escalation.cases, marks: escalation.marks, consultantChannel: options.consultantChannel, locales: deps.locales, logger }) }
    : undefined;
  if (escalation) {
    // Outbox deliveries get their own client without SDK retries: the outbox retries with its own backoff.
    const outboxClient = new webApi.WebClient(options.botToken, { ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}), timeout, retryConfig: { retries: 0 } });
    escalation.messengers.register(slackMessenger(outboxClient));
    if (options.consultantChannel) escalation.notifiers.register(slackInboxNotifier(outboxClient, options.consultantChannel, escalation.cases));
  }

  const build = (receiver: ExpressReceiver | SocketModeReceiver) => {
    const app = new App({ receiver, authorize, clientOptions, logger: boltLogger(logger) });
    registerEventListeners(app, deps, threads);
    registerInteractionListeners(app, deps);
    if (escalation) registerInboxActions(app, { cases: escalation.cases, locales: deps.locales, logger });
    app.error(async (error) => {
      logger.error({ err: error }, 'Slack listener failed; the user may not have had an answer');
    });
    return app;
  };

  return {
    mount(express) {
      if (!options.signingSecret) throw new Error('SLACK_SIGNING_SECRET is not set; copy it from the Slack app\'s "Basic Information" page.');
      // Before Bolt sees the request: no timestamp from the future, and at most 1 MB read before the signature is checked.
      express.post(SLACK_EVENTS_PATH, refuseFutureTimestamps(logger), readRawBodyCapped(MAX_UNAUTHENTICATED_BODY_BYTES));
      const receiver = new ExpressReceiver({
        signingSecret: options.signingSecret,
        app: express,
        endpoints: SLACK_EVENTS_PATH,
        processBeforeResponse: false,
        logger: boltLogger(logger),
        bodyLimit: MAX_UNAUTHENTICATED_BODY_BYTES,
        // The signature's hash identifies a signed request, so a replay of it can be recognised (event-listeners.ts).
        customPropertiesExtractor: (req) => ({ requestSignature: requestSignatureId(req.headers['x-slack-signature']) }),
      });
      build(receiver);
    },
    async startSocketMode() {
      if (!options.appToken) throw new Error('SLACK_APP_TOKEN is not set; create an app-level token with connections:write.');
      const receiver = new SocketModeReceiver({ appToken: options.appToken, logger: boltLogger(logger), installerOptions: { clientOptions } });
      health.watch(receiver.client);
      socket = build(receiver);
      await socket.start();
    },
    socketReady: () => health.check(),
    async stop() {
      await socket?.stop();
      socket = undefined;
    },
  };
}
