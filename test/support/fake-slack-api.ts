import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the fake received: the Web API method (or `response_url`), its arguments and when it came. */
export interface FakeSlackCall {
  method: string;
  args: Record<string, unknown>;
  status: number;
  at: number;
  /** What the fake answered (e.g. the ts chat.postMessage gave the message). */
  response?: Record<string, unknown>;
}

/** A local fake of Slack's Web API (and response_urls) that records calls and can answer 429 or 500. */
export class FakeSlackApi {
  readonly calls: FakeSlackCall[] = [];
  /** Users' Slack locales for users.info (default da-DK). */
  readonly locales = new Map<string, string>();
  /** Users' display names (`real_name`) for users.info; none by default. */
  readonly names = new Map<string, string>();
  /** The ws:// URL `apps.connections.open` hands out (Socket Mode tests). */
  socketUrl: string | undefined;
  /** Messages posted with chat.postMessage, by "<channel> <ts>", so conversations.replies can return a thread's parent. */
  private readonly posted = new Map<string, Record<string, unknown>>();
  private readonly failures: { method: string; status: number; retryAfter?: number }[] = [];
  private server: Server | undefined;
  private ts = 1_700_000_000;

  /** Starts on an ephemeral loopback port. */
  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const url = req.url ?? '/';
        const method = url.startsWith('/api/') ? url.slice(5).split('?')[0] ?? '' : 'response_url';
        const args = parseArgs(raw, req.headers['content-type'] ?? '');
        const failIndex = this.failures.findIndex((f) => f.method === method);
        if (failIndex >= 0) {
          const [failure] = this.failures.splice(failIndex, 1);
          const status = failure?.status ?? 500;
          this.calls.push({ method, args, status, at: Date.now() });
          res.writeHead(status, { 'content-type': 'application/json', ...(failure?.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {}) });
          res.end(JSON.stringify({ ok: false, error: status === 429 ? 'ratelimited' : 'internal_error' }));
          return;
        }
        const response = this.answer(method, args);
        this.calls.push({ method, args, status: 200, at: Date.now(), response });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(response));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  /** The Web API base URL (SLACK_API_URL). */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A response_url served by this fake. */
  responseUrl(id: string): string {
    return `${this.origin}/response/${id}`;
  }

  private get origin(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  /** Makes the next call of `method` fail with `status` (and a Retry-After header in seconds, for 429). */
  failNext(method: string, status: number, retryAfter?: number): void {
    this.failures.push({ method, status, retryAfter });
  }

  /** Successful calls of one method. */
  delivered(method: string): FakeSlackCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  /** Waits until `predicate` holds (polling), or fails after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > until) throw new Error(`FakeSlackApi: condition not met within ${timeoutMs} ms; calls: ${this.calls.map((c) => `${c.method}:${c.status}`).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'not_allowed_token_type' };
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };
      case 'users.info': {
        const user = String(args.user);
        return { ok: true, user: { id: user, name: user, real_name: this.names.get(user), locale: this.locales.get(user) ?? 'da-DK' } };
      }
      case 'chat.postMessage': {
        this.ts += 1;
        const ts = `${this.ts}.000100`;
        this.posted.set(`${String(args.channel)} ${ts}`, { ts, text: args.text, ...(args.metadata ? { metadata: args.metadata } : {}) });
        return { ok: true, channel: args.channel, ts };
      }
      case 'conversations.replies': {
        const parent = this.posted.get(`${String(args.channel)} ${String(args.ts)}`);
        return { ok: true, messages: parent ? [parent] : [], has_more: false };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: 'V1' } };
      default:
        return { ok: true };
    }
  }
}

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    try {
      out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      out[key] = value;
    }
  }
  return out;
}
