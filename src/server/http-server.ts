import { createServer, type Server } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { finalErrorHandler } from './error-handler.ts';
import { listenError } from './listen-error.ts';

/** A readiness check: resolves when the part it checks is ready, throws with the reason when it is not. */
export type ReadinessCheck = () => Promise<void>;

/** A status for `/readyz` that is reported but does not decide readiness; resolves with a short word such as "ok". */
export type StatusReport = () => Promise<string>;

/** Something that adds routes to the one HTTP server (Slack, Teams, playground). */
export type RouteMount = (app: Express) => void;

/** What the HTTP server is built from. */
export interface HttpServerOptions {
  logger: Logger;
  /** Named readiness checks for `/readyz` (store, Socket Mode connection …). */
  readiness: Record<string, ReadinessCheck>;
  /** Named status reports shown under `checks` in `/readyz` that never make it fail (e.g. escalation: "ok" | "no-route"). */
  status?: Record<string, StatusReport>;
  mounts: RouteMount[];
  /** Runs before every route (request metrics). */
  middleware?: RequestHandler[];
}

/** Builds the express app: `/healthz`, `/readyz`, whatever the adapters mount, and an error handler that shows no internals. */
export function createHttpApp(options: HttpServerOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  for (const handler of options.middleware ?? []) app.use(handler);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // A failing check shows only its public message (no file paths, hosts or credentials); the whole reason is logged.
  const shown = (name: string, error: unknown): string => {
    options.logger.debug({ err: error, check: name }, 'readiness check failed');
    return publicMessageOf(error);
  };
  app.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      Object.entries(options.readiness).map(async ([name, check]) => {
        try {
          await check();
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, shown(name, error)] as const;
        }
      }),
    );
    const ready = results.every(([, status]) => status === 'ok');
    const reports = await Promise.all(
      Object.entries(options.status ?? {}).map(async ([name, report]) => [name, await report().catch((error: unknown) => shown(name, error))] as const),
    );
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries([...results, ...reports]) });
  });
  for (const mount of options.mounts) mount(app);
  app.use(finalErrorHandler(options.logger));
  return app;
}

/** An error's `publicMessage` when it carries one (written to be shown outside the process), else "unavailable". */
function publicMessageOf(error: unknown): string {
  const message = typeof error === 'object' && error !== null && 'publicMessage' in error ? error.publicMessage : undefined;
  return typeof message === 'string' ? message : 'unavailable';
}

/**
 * Starts listening; resolves with the server once it accepts connections. A HOST or PORT it cannot listen on (in use,
 * privileged, not resolvable) rejects with a ListenError that names the variable.
 */
export async function listen(app: Express, port: number, host: string): Promise<Server> {
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(listenError(error, host, port) ?? error));
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
