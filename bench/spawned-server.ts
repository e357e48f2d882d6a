import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';

/** A server process started by the benchmark, with the time it took to answer `/readyz` 200. */
export interface SpawnedServer {
  base: string;
  pid: number;
  readyMs: number;
  /** Resident memory of the process now, in MB (from /proc). */
  rssMb(): Promise<number>;
  /** SIGTERM, then SIGKILL after 5 s; resolves when the process has exited. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 20_000;

/** A free loopback TCP port (asks the OS for one and releases it). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not get a free port');
  return address.port;
}

/** Spawns `node <args>` with `env` plus PORT, and polls `/readyz` every 10 ms until 200 (or fails after 20 s). */
export async function spawnServer(args: readonly string[], env: Record<string, string>): Promise<SpawnedServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...cpuProfArgs(), ...args], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const readyMs = await waitReady(base, started, child, () => stderr);
  const pid = child.pid ?? 0;
  return {
    base,
    pid,
    readyMs,
    async rssMb() {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
      return kb / 1024;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitReady(base: string, started: number, child: ChildProcess, stderr: () => string): Promise<number> {
  while (performance.now() - started < READY_TIMEOUT_MS) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before /readyz: ${stderr()}`);
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.arrayBuffer().then(() => r.status === 200),
      () => false,
    );
    if (ok) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer /readyz within ${READY_TIMEOUT_MS} ms: ${stderr()}`);
}

/** With BENCH_CPU_PROF=<dir>, servers run under `node --cpu-prof` and write their profile there on exit. */
function cpuProfArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}
