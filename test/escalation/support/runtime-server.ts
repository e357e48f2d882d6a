import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from '../../../src/config/config.ts';
import { loadFlowEngine } from '../../../src/dialogs/load-flow-engine.ts';
import { silentLogger } from '../../../src/logging/logger.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import { createHttpApp, listen, type RouteMount } from '../../../src/server/http-server.ts';

/** The real runtime behind a loopback HTTP server with the adapters' routes, as `serve` composes it. */
export interface RuntimeServer {
  runtime: Runtime;
  base: string;
  /** Closes the server and the runtime (its outbox worker and store) — a process ending. */
  stop(): Promise<void>;
}

/** Starts the runtime for `config` and the routes `mounts` builds for it on a free loopback port. */
export async function startRuntimeServer(config: Config, mounts: (runtime: Runtime, logger: Logger) => Promise<RouteMount[]>): Promise<RuntimeServer> {
  const logger = silentLogger();
  const runtime = await createRuntime(config, logger, loadFlowEngine);
  const server: Server = await listen(createHttpApp({ logger, readiness: {}, mounts: await mounts(runtime, logger) }), 0, '127.0.0.1');
  return {
    runtime,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.close();
    },
  };
}
