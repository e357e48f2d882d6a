import { createServer, type Server } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';

/** A readiness check: resolves when the part it checks is ready, throws with the reason when it is not. */
export type ReadinessCheck = () => Promise<void>;

/** Something that adds routes to the one HTTP server (Slack, Teams, playground). */
export type RouteMount = (app: Express) => void;

/** What the HTTP server is built from. */
export interface HttpServerOptions {
  logger: Logger;
  /** Named readiness checks for `/readyz` (store, Socket Mode connection …). */
  readiness: Record<string, ReadinessCheck>;
  mounts: RouteMount[];
  /** Runs before every route (request metrics). */
  middleware?: RequestHandler[];
}

/** Builds the express app: `/healthz`, `/readyz` and whatever the adapters mount. */
export function createHttpApp(options: HttpServerOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  for (const handler of options.middleware ?? []) app.use(handler);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      Object.entries(options.readiness).map(async ([name, check]) => {
        try {
          await check();
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, error instanceof Error ? error.message : String(error)] as const;
        }
      }),
    );
    const ready = results.every(([, status]) => status === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries(results) });
  });
  for (const mount of options.mounts) mount(app);
  return app;
}

/** Starts listening; resolves with the server once it accepts connections. */
export async function listen(app: Express, port: number, host: string): Promise<Server> {
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
