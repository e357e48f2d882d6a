import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.ts';
import type { Runtime } from '../../main.ts';
import { loadReport, reportKnowledge } from '../../report/build-report.ts';
import type { RouteMount } from '../../server/http-server.ts';
import { flowGuides } from './flow-guides.ts';
import { playgroundEnabled } from './playground-enabled.ts';
import { playgroundMount } from './playground-routes.ts';

/** The playground's routes for `serve` (with the "Indsigt" page when a store is given), or none when the configuration turns it off. */
export function playgroundMounts(config: Config, runtime: Pick<Runtime, 'bot' | 'knowledge'> & Partial<Pick<Runtime, 'store'>>, logger: Logger): RouteMount[] {
  if (!playgroundEnabled(config)) return [];
  const { store } = runtime;
  return [
    playgroundMount({
      bot: runtime.bot,
      knowledge: runtime.knowledge,
      guides: flowGuides(join(config.KNOWLEDGE_DIR, 'flows')),
      logger,
      ...(store ? { insights: (since?: Date) => loadReport(store, reportKnowledge(runtime.knowledge()), new Date(), since) } : {}),
    }),
  ];
}
