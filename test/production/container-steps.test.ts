import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeTopicPhrasings } from '../../src/cli/shipped-topic-model.ts';
import { classFeatures } from '../../src/knowledge/topic-features.ts';
import { snapshotWeights, TOPIC_MODEL_SNAPSHOT_FILE } from '../../src/knowledge/topic-model-snapshot.ts';
import { TopicRegression } from '../../src/knowledge/topic-regression.ts';
import { YAML_SNAPSHOT_FILE, YamlSnapshot } from '../../src/knowledge/yaml-snapshot.ts';
import { freePort } from '../store/support/free-port.ts';
import { copyTrackedFiles, runDockerfile, type Stage } from './dockerfile-runner.ts';
import { localBetterSqlitePrebuild } from './native-prebuild.ts';

const REPO = join(import.meta.dirname, '..', '..');
/** The node image's `node` user (the Dockerfile's USER). */
const NODE_UID = 1000;
const MAX_NODE_MODULES_MB = 100;
const DEV_ONLY = ['typescript', 'tsx', 'vitest', 'mermaid', 'pino-pretty', 'date-holidays', 'playwright-core'];
const isRoot = process.getuid?.() === 0;

let scratch: string;
let runtime: Stage;
let app: string;
let server: ReturnType<typeof spawn> | undefined;
let base: string;
let stderr = '';

async function waitReady(url: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server?.exitCode !== null) throw new Error(`the server exited (${server?.exitCode}): ${stderr}`);
    const status = await fetch(`${url}/readyz`).then((r) => r.status, () => 0);
    if (status === 200 || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Root is needed for the Dockerfile's `chown` and to run the server as the image's user (CI runs as root).
describe.skipIf(!isRoot)('the Dockerfile, performed without a container engine (needs root)', () => {
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'some-container-'));
    chmodSync(scratch, 0o755);
    copyTrackedFiles(REPO, join(scratch, 'context'));
    const stages = runDockerfile(join(REPO, 'Dockerfile'), join(scratch, 'context'), join(scratch, 'stages'), {
      env: localBetterSqlitePrebuild(REPO, join(scratch, 'prebuilds')),
    });
    runtime = stages.at(-1)!;
    app = runtime.workdir;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // HOST=127.0.0.1 instead of the image's 0.0.0.0: the test talks over loopback only.
    const env = { PATH: process.env.PATH ?? '', ...runtime.env, PORT: String(port), HOST: '127.0.0.1', PLAYGROUND: 'on' };
    const [command, ...args] = runtime.cmd ?? [];
    expect([command, runtime.user]).toEqual(['node', 'node']);
    server = spawn(process.execPath, args, { cwd: app, env, uid: NODE_UID, gid: NODE_UID, stdio: ['ignore', 'ignore', 'pipe'] });
    server.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
  }, 900_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGKILL');
      await new Promise((resolve) => server?.once('exit', resolve));
    }
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }, 300_000);

  it('the runtime stage starts as the unprivileged user, answers /readyz 200 and passes its HEALTHCHECK', async () => {
    expect(await waitReady(base, 30_000), stderr).toBe(200);
    const status = readFileSync(`/proc/${server?.pid}/status`, 'utf8');
    expect(/^Uid:\s+(\d+)/m.exec(status)?.[1]).toBe(String(NODE_UID));
    const [command, ...args] = runtime.healthcheck ?? [];
    expect(command).toBe('node');
    const env = { PATH: process.env.PATH ?? '', ...runtime.env, PORT: new URL(base).port };
    expect(spawnSync(process.execPath, args, { cwd: app, env, timeout: 10_000 }).status).toBe(0);
    expect(runtime.volumes).toEqual(['/app/data']);
    expect(existsSync(join(app, 'data', 'some-advisor.db'))).toBe(true);
  });

  it('is a production install: compiled JavaScript, no development dependencies, no tsx in the process, under 100 MB', async () => {
    expect(existsSync(join(app, 'dist', 'cli.js'))).toBe(true);
    expect(existsSync(join(app, 'src'))).toBe(false);
    // the build stage parsed the shipped knowledge: every file of the runtime stage's knowledge/ is in the snapshot
    const snapshot = YamlSnapshot.read(join(app, 'dist', YAML_SNAPSHOT_FILE));
    const shipped = readdirSync(join(app, 'knowledge'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f));
    expect(shipped.length).toBeGreaterThan(50);
    for (const file of shipped) expect(snapshot.take(readFileSync(join(app, 'knowledge', file), 'utf8')), file).toBeDefined();
    // and learned its topic model: the search's model of the runtime stage's knowledge finds its weights there
    const inSnapshot = snapshotWeights(join(app, 'dist', TOPIC_MODEL_SNAPSHOT_FILE));
    let learnedAhead = false;
    new TopicRegression(classFeatures(await knowledgeTopicPhrasings(join(app, 'knowledge'))), (key) => {
      const weights = inSnapshot(key);
      learnedAhead = weights !== undefined;
      return weights;
    });
    expect(learnedAhead).toBe(true);
    for (const name of DEV_ONLY) expect(existsSync(join(app, 'node_modules', name)), name).toBe(false);
    const cmdline = readFileSync(`/proc/${server?.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    expect(cmdline.slice(1)).toEqual(['bin/some-advisor.js', 'serve']);
    expect(readFileSync(`/proc/${server?.pid}/environ`, 'utf8')).not.toMatch(/NODE_OPTIONS|tsx/);
    const megabytes = Number(spawnSync('du', ['-sm', join(app, 'node_modules')], { encoding: 'utf8' }).stdout.split('\t')[0]);
    expect(megabytes).toBeLessThan(MAX_NODE_MODULES_MB);
  });

  it('serves the Guides page without Mermaid: every step listed, a note that diagrams need the development install', async () => {
    const page = await fetch(`${base}/guides?lang=en`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('The diagrams need the development install');
    expect(html).toContain('class="node-button"');
    expect(html).not.toContain('mermaid.min.js');
    expect((await fetch(`${base}/playground/assets/mermaid.min.js`)).status).toBe(404);
    expect((await fetch(`${base}/playground/assets/guides.js`)).status).toBe(200);
  });

  it('builds the Indsigt report in its worker thread from the compiled build (no tsx needed)', async () => {
    const page = await fetch(`${base}/insights?lang=en`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Questions per week');
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => server?.once('exit', (code) => resolve(code)));
    server?.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
