import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsFromConfig } from '../../../src/adapters/teams/teams-from-config.ts';
import { playgroundMounts } from '../../../src/adapters/web/playground-mounts.ts';
import { loadConfig } from '../../../src/config/config.ts';
import { loadFlowEngine } from '../../../src/dialogs/load-flow-engine.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import { createHttpApp, listen } from '../../../src/server/http-server.ts';
import { HOSTILE_KNOWLEDGE } from './playground-harness.ts';

/** One raw HTTP request with a chosen Host header (what a browser sends after DNS rebinding). */
function send(port: number, method: string, path: string, host: string, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host };
    if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const turnBody = (id: string) => JSON.stringify({ conversationId: id, input: { kind: 'text', text: 'hjælp' } });

describe('the playground answers only its own host names (DNS rebinding)', () => {
  let dir: string;
  let runtime: Runtime;
  let server: Server;
  let port: number;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'playground-host-'));
    const config = loadConfig({ KNOWLEDGE_DIR: HOSTILE_KNOWLEDGE, SQLITE_PATH: join(dir, 'state.db'), PUBLIC_URL: 'https://raadgiver.example.dk/', LOG_LEVEL: 'silent' });
    const logger = pino({ level: 'silent' });
    runtime = await createRuntime(config, logger, loadFlowEngine);
    const teams = await teamsFromConfig({ bot: runtime.bot, store: runtime.store, logger, settings: config });
    const app = createHttpApp({ logger, readiness: { store: () => runtime.store.ping() }, mounts: [...playgroundMounts(config, runtime, logger), teams] });
    server = await listen(app, 0, '127.0.0.1');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await runtime.close();
    await rm(dir, { recursive: true, force: true });
  });

  const pages = ['/', '/insights', '/guides', '/search?q=facebook', '/playground/assets/chat.js', '/playground/api/history?conversationId=rebind-1234&after=0', '/playground/api/knowledge-status'];

  it('answers a foreign Host with 421 on every playground route, and opens nothing', async () => {
    for (const host of ['rebind.attacker.example', `rebind.attacker.example:${port}`, '192.168.1.5:3978', 'localhost.attacker.example']) {
      for (const path of pages) {
        const response = await send(port, 'GET', path, host);
        expect(response.status, `${host} ${path}`).toBe(421);
        expect(response.text).not.toContain('<html');
      }
      expect((await send(port, 'POST', '/playground/api/turn', host, turnBody('rebind-1234'))).status, host).toBe(421);
    }
    expect(await runtime.store.loadConversation('web:rebind-1234')).toBeNull();
  });

  it('answers a request without a Host header (HTTP/1.0) with 421', async () => {
    const socket = connect(port, '127.0.0.1');
    socket.end('GET /insights HTTP/1.0\r\n\r\n');
    let raw = '';
    for await (const chunk of socket) raw += String(chunk);
    expect(raw).toMatch(/^HTTP\/1\.[01] 421 /);
  });

  it('serves localhost, 127.0.0.1, [::1] (any port) and the host of PUBLIC_URL', async () => {
    for (const host of [`localhost:${port}`, 'localhost', `127.0.0.1:${port}`, '[::1]:8080', 'LOCALHOST:1', 'raadgiver.example.dk', 'raadgiver.example.dk:443']) {
      for (const path of pages) expect((await send(port, 'GET', path, host)).status, `${host} ${path}`).toBe(200);
      expect((await send(port, 'POST', '/playground/api/turn', host, turnBody('local-1234'))).status, host).toBe(200);
    }
  });

  it('leaves /healthz, /readyz and the Teams endpoint alone', async () => {
    expect((await send(port, 'GET', '/healthz', 'rebind.attacker.example')).status).toBe(200);
    expect((await send(port, 'GET', '/readyz', 'rebind.attacker.example')).status).toBe(200);
    expect((await send(port, 'POST', '/api/messages', 'bot.example.dk', '{"type":"nothing"}')).status).not.toBe(421);
  });
});
