import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Called when a reply reaches the fake platform: the Slack channel or Teams conversation id, and when (performance.now()). */
export type ReplyListener = (key: string, at: number) => void;

/**
 * The local fake platform APIs the servers reply to: Slack's Web API (as test/support/fake-slack-api.ts answers it)
 * and the Bot Framework connector (as test/support/fake-bot-connector.ts). It keeps no history, so long runs stay
 * small, and reports each chat.postMessage / message activity to the listener the moment it arrives.
 */
export class ReplySink {
  private server: Server | undefined;
  private ts = 1_700_000_000;
  private nextId = 1;
  /** Replies seen (Slack posts and Teams message activities). */
  replies = 0;

  constructor(private readonly onReply: ReplyListener) {}

  /** Starts on an ephemeral loopback port. */
  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = parseBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type'] ?? '');
        const answer = this.answer(req.url ?? '/', body, performance.now());
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  /** The base URL (Slack's SLACK_API_URL is `${url}api/`, Teams' serviceUrl is `url`). */
  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/`;
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(url: string, body: Record<string, unknown>, at: number): Record<string, unknown> {
    const teams = /^\/v3\/conversations\/([^/]+)\/activities/.exec(url);
    if (teams?.[1]) {
      if (body.type === 'message') this.reply(decodeURIComponent(teams[1]), at);
      return { id: `act-${this.nextId++}` };
    }
    const method = url.startsWith('/api/') ? (url.slice(5).split('?')[0] ?? '') : '';
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };
      case 'users.info':
        return { ok: true, user: { id: String(body.user), name: String(body.user), locale: 'da-DK' } };
      case 'chat.postMessage':
        this.reply(String(body.channel), at);
        this.ts += 1;
        return { ok: true, channel: body.channel, ts: `${this.ts}.000100` };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users)}` } };
      default:
        return { ok: true };
    }
  }

  private reply(key: string, at: number): void {
    this.replies += 1;
    this.onReply(key, at);
  }
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  try {
    if (contentType.includes('json')) return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return {};
  }
  return Object.fromEntries(new URLSearchParams(raw));
}
