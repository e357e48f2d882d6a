import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { RouteMount } from '../server/http-server.ts';
import type { Metrics } from './metrics.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** A request from this machine that no proxy forwarded (a local reverse proxy adds X-Forwarded-For). */
function fromThisMachine(req: Request): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined;
}

function bearerMatches(req: Request, token: string | undefined): boolean {
  const header = req.headers.authorization;
  if (!token || !header?.startsWith('Bearer ')) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}

/** `GET /metrics` in Prometheus text format, for this machine or a caller with `Authorization: Bearer METRICS_TOKEN`. */
export function metricsMount(metrics: Metrics, token: string | undefined): RouteMount {
  return (app) => {
    app.get('/metrics', async (req, res) => {
      if (!fromThisMachine(req) && !bearerMatches(req, token)) {
        res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'GET /metrics answers this machine, or a caller with Authorization: Bearer <METRICS_TOKEN>.' });
        return;
      }
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  };
}
