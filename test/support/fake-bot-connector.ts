import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the connector. */
export interface ConnectorCall {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** For POST: the activity replied to (or undefined for a new message); for PUT: the activity updated. */
  activityId?: string;
  /** The id the fake gave the activity (POST) or the id that was updated (PUT). */
  id: string;
  body: Record<string, unknown>;
  authorization?: string;
}

/**
 * A fake Bot Framework connector on loopback: records `POST /v3/conversations/{id}/activities[/{replyToId}]` and
 * `PUT /v3/conversations/{id}/activities/{id}`, answers `{id}`, and can fail the next calls with a status.
 */
export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  /** Statuses to answer the next requests with, in order (e.g. [429, 502]); each is used once. */
  readonly failNext: number[] = [];
  /** Every request, including failed ones. */
  requests = 0;
  /** Milliseconds to wait before answering each request (a slow connector keeps a turn in flight). */
  delayMs = 0;
  private server?: Server;
  private nextId = 1;

  private host = '127.0.0.1';

  /** Starts listening at a free port on `host` (127.0.0.1 unless told otherwise). */
  async start(host = '127.0.0.1'): Promise<void> {
    this.host = host;
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '0' } : {}) });
          res.end(JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, host, resolve));
  }

  /** The serviceUrl to put in activities. */
  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://${this.host.includes(':') ? `[${this.host}]` : this.host}:${address.port}/`;
  }

  /** Messages sent (typing indicators excluded). */
  messages(conversationId?: string): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'POST' && c.body.type === 'message' && (!conversationId || c.conversationId === conversationId));
  }

  /** Card updates (PUT). */
  updates(): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'PUT');
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    this.requests++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const fail = this.failNext.shift();
    if (fail !== undefined) return { status: fail, body: { error: { code: 'Fake', message: `fake ${fail}` } } };
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    if (!match?.[1] || (req.method !== 'POST' && req.method !== 'PUT')) return { status: 404, body: { error: 'not found' } };
    const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
    const id = req.method === 'PUT' && activityId ? activityId : `act-${this.nextId++}`;
    this.calls.push({
      method: req.method,
      conversationId: decodeURIComponent(match[1]),
      ...(activityId ? { activityId } : {}),
      id,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    return { status: 200, body: { id } };
  }
}
