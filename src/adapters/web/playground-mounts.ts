import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.ts';
import type { Runtime } from '../../main.ts';
import type { RouteMount } from '../../server/http-server.ts';
import { flowGuides } from './flow-guides.ts';
import { playgroundEnabled } from './playground-enabled.ts';
import { playgroundMount } from './playground-routes.ts';

/** The playground's routes for `serve`, or none when the configuration turns it off. */
export function playgroundMounts(config: Config, runtime: Pick<Runtime, 'bot' | 'knowledge'>, logger: Logger): RouteMount[] {
  if (!playgroundEnabled(config)) return [];
  return [
    playgroundMount({
      bot: runtime.bot,
      knowledge: runtime.knowledge,
      guides: flowGuides(join(config.KNOWLEDGE_DIR, 'flows')),
      logger,
    }),
  ];
}
