import type { Logger } from 'pino';
import type { Config } from '../../config/config.ts';
import { RateLimiter } from '../../core/rate-limiter.ts';
import type { CaseService } from '../../escalation/case-service.ts';
import type { Runtime } from '../../main.ts';
import { loadReport, reportKnowledge } from '../../report/build-report.ts';
import type { FlowPrompts } from '../../report/step-texts.ts';
import { cachedReports, type ReportSource } from '../../report/report-cache.ts';
import { reportInWorker, titleTableFrom } from '../../report/report-in-worker.ts';
import type { Store } from '../../store/store.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { RouteMount } from '../../server/http-server.ts';
import { isLoopback } from '../../server/loopback.ts';
import { liveGuides } from './flow-guides.ts';
import { playgroundEnabled } from './playground-enabled.ts';
import { playgroundMount } from './playground-routes.ts';
import { webMessenger } from './web-messenger.ts';

/**
 * The playground's routes for `serve` (with the "Indsigt" page, the kept history and notifications when a store is
 * given), or none when the configuration turns it off.
 */
export function playgroundMounts(config: Config, runtime: Pick<Runtime, 'bot' | 'knowledge' | 'flowDefinitions' | 'rejectedReload'> & Partial<Pick<Runtime, 'store' | 'escalation'>>, logger: Logger): RouteMount[] {
  if (!playgroundEnabled(config)) return [];
  if (!isLoopback(config.HOST)) {
    logger.warn(
      { host: config.HOST },
      'the playground is on (PLAYGROUND=on) on a non-loopback address: it has no login, so anyone who can reach this server can chat, open cases and read /insights. Set PLAYGROUND=off, or HOST=127.0.0.1 behind a reverse proxy that authenticates.',
    );
  }
  const { store } = runtime;
  // Notifications to playground requesters (a consultant's reply …) go to their conversation's history.
  if (store && runtime.escalation) runtime.escalation.messengers.register(webMessenger(store, runtime.escalation.cases));
  return [
    playgroundMount({
      bot: runtime.bot,
      knowledge: runtime.knowledge,
      guides: liveGuides(runtime.flowDefinitions),
      rejectedReload: runtime.rejectedReload,
      logger,
      ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
      clientLimiter: new RateLimiter(config.RATE_LIMIT_PER_MINUTE),
      ...(runtime.escalation ? { openCase: openCaseOf(runtime.escalation.cases) } : {}),
      ...(store ? { store, insights: insightsSource(config, store, runtime.knowledge, runtime.flowDefinitions) } : {}),
    }),
  ];
}

/** The number of the newest unresolved case a conversation asked for, if any. */
function openCaseOf(cases: CaseService): (conversationId: string) => Promise<string | undefined> {
  return async (conversationId) => {
    const open = [...(await cases.list('new')), ...(await cases.list('claimed'))].filter((v) => v.payload.requester.conversationId === conversationId);
    return open.sort((a, b) => b.case.createdAt.getTime() - a.case.createdAt.getTime())[0]?.case.number;
  };
}

/**
 * The "Indsigt" report: built in a worker thread with its own store connection (the event loop stays free for Slack,
 * Teams and /healthz) and cached for a minute per `since`. A private in-memory SQLite database cannot be opened from a
 * worker, so there it is built in this thread.
 */
function insightsSource(config: Config, store: Store, knowledge: () => KnowledgeBase, flows: () => readonly FlowPrompts[]): ReportSource {
  if (!config.DATABASE_URL && config.SQLITE_PATH === ':memory:') return cachedReports((since) => loadReport(store, reportKnowledge(knowledge(), flows()), new Date(), since));
  return cachedReports((since) =>
    reportInWorker({
      ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
      sqlitePath: config.SQLITE_PATH,
      ...(since ? { since: since.toISOString() } : {}),
      now: new Date().toISOString(),
      titles: titleTableFrom(knowledge(), new Date(), flows()),
    }),
  );
}
