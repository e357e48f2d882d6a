import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from '../../src/server/http-server.ts';
import { ListenError } from '../../src/server/listen-error.ts';
import { runCli } from '../support/run-cli.ts';

/** A loopback port something already listens on, held until the test ends. */
async function occupiedPort(): Promise<{ port: number; holder: Server }> {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  return { port: (holder.address() as AddressInfo).port, holder };
}

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('listening on HOST:PORT', () => {
  it('a port in use, an address not of this machine and a name that does not resolve each name the variable to change', async () => {
    const { port, holder } = await occupiedPort();
    cleanup.push(() => new Promise((resolve) => holder.close(resolve)));
    const app = express();
    await expect(listen(app, port, '127.0.0.1')).rejects.toThrow(new ListenError(`Cannot listen: PORT ${port} is already in use on 127.0.0.1 (HOST); stop the program that listens there, or set PORT to a free port.`));
    await expect(listen(app, 0, '192.0.2.1')).rejects.toThrow(/^Cannot listen: HOST 192\.0\.2\.1 is not an address of this machine; set HOST to an address of this machine/);
    await expect(listen(app, 0, 'no-such-host.invalid')).rejects.toThrow(/^Cannot listen: HOST no-such-host\.invalid could not be resolved to an address \((ENOTFOUND|EAI_AGAIN)\)/);
  });

  it('serve on a port in use prints one line naming PORT and exits 1 (no stack trace)', { timeout: 60_000 }, async () => {
    const { port, holder } = await occupiedPort();
    cleanup.push(() => new Promise((resolve) => holder.close(resolve)));
    const dir = await mkdtemp(join(tmpdir(), 'some-listen-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const run = await runCli(['serve'], '', { HOST: '127.0.0.1', PORT: String(port), SQLITE_PATH: join(dir, 'state.db'), PLAYGROUND: 'off' });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n').filter((line) => !line.startsWith('{')); // the JSON log lines aside
    expect(lines).toEqual([`Cannot listen: PORT ${port} is already in use on 127.0.0.1 (HOST); stop the program that listens there, or set PORT to a free port.`]);
  });
});
