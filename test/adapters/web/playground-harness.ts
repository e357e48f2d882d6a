import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { playgroundMounts } from '../../../src/adapters/web/playground-mounts.ts';
import { playgroundMount } from '../../../src/adapters/web/playground-routes.ts';
import { liveGuides } from '../../../src/adapters/web/flow-guides.ts';
import { loadConfig } from '../../../src/config/config.ts';
import { Bot } from '../../../src/core/bot.ts';
import type { EscalationHandler } from '../../../src/core/router-deps.ts';
import { loadFlowEngine } from '../../../src/dialogs/load-flow-engine.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import { createHttpApp, listen, type RouteMount } from '../../../src/server/http-server.ts';

/** The hostile knowledge fixture: script/img/javascript: content in an answer, title, source and flow. */
export const HOSTILE_KNOWLEDGE = new URL('../../fixtures/hostile-knowledge', import.meta.url).pathname;

const CHROMIUM = '/usr/bin/chromium';

/** A running playground server on an ephemeral port with a temp SQLite file. */
export interface RunningPlayground {
  url: string;
  runtime: Runtime;
  /** The settings it runs with, for a CLI on the same store (SQLITE_PATH, KNOWLEDGE_DIR and `env`). */
  env: Record<string, string>;
  close(): Promise<void>;
}

async function serve(mounts: RouteMount[], runtime: Runtime): Promise<{ url: string; server: Server }> {
  const app = createHttpApp({ logger: pino({ level: 'silent' }), readiness: { store: () => runtime.store.ping() }, mounts });
  const server = await listen(app, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Starts the playground as `serve` composes it (real runtime, store and mounts) over the hostile fixture (or `knowledgeDir`); `env` adds settings. */
export async function startPlayground(env: Record<string, string> = {}, knowledgeDir = HOSTILE_KNOWLEDGE): Promise<RunningPlayground> {
  const dir = await mkdtemp(join(tmpdir(), 'playground-test-'));
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const settings = { KNOWLEDGE_DIR: knowledgeDir, SQLITE_PATH: join(dir, 'state.db'), ...env };
  const config = loadConfig({ LOG_LEVEL: 'silent', ...settings });
  const runtime = await createRuntime(config, logger, loadFlowEngine);
  const { url, server } = await serve(playgroundMounts(config, runtime, logger), runtime);
  return {
    url,
    runtime,
    env: settings,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runtime.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A stand-in escalation that shows a generic form and validates it, to test form rendering and posting end to end. */
export const testFormEscalation: EscalationHandler = {
  request(_turn, state) {
    const fields = [
      { id: 'topic', label: 'Emne', type: 'text' as const, required: true },
      { id: 'details', label: 'Beskrivelse', type: 'textarea' as const, required: false, hint: 'Ingen CPR-numre' },
      { id: 'urgent', label: 'Det haster', type: 'checkbox' as const, required: false },
    ];
    return { messages: [{ blocks: [{ type: 'form', form: { id: 'test-form', title: 'Testformular', submitLabel: 'Send formular', fields } }], fallback: 'Testformular' }], state };
  },
  submit(_turn, formId, values, state) {
    if (formId !== 'test-form') return undefined;
    const facts = [
      { label: 'Emne', value: String(values.topic ?? '') },
      { label: 'Haster', value: values.urgent === true ? 'ja' : 'nej' },
    ];
    return { messages: [{ blocks: [{ type: 'heading', text: 'Modtaget' }, { type: 'facts', facts }], fallback: 'Modtaget' }], state };
  },
};

/** A second server over the same runtime whose bot uses `testFormEscalation` (the real escalation lands later). */
export async function startFormPlayground(runtime: Runtime): Promise<{ url: string; close(): Promise<void> }> {
  const logger = pino({ level: 'silent' });
  const bot = new Bot({ knowledge: runtime.knowledge, flows: runtime.flows, store: runtime.store, escalation: testFormEscalation, logger });
  const mount = playgroundMount({ bot, knowledge: runtime.knowledge, guides: liveGuides(runtime.flowDefinitions), rejectedReload: runtime.rejectedReload, logger });
  const { url, server } = await serve([mount], runtime);
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Launches Debian's Chromium headless through playwright-core. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install it with "apt-get install -y chromium" (.ci/run does).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Records what a playground page must never do: requests to another origin than `base` (into `foreign`) and script errors (into `errors`). */
export function watchPage(page: Page, base: string, foreign: string[], errors: string[]): void {
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== new URL(base).origin) foreign.push(request.url());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
}

/** Types `text` into the playground's question box, sends it and waits for the next bot reply. */
export async function askInPage(page: Page, text: string): Promise<void> {
  const replies = await page.locator('.entry-bot').count();
  await page.getByLabel('Dit spørgsmål').fill(text);
  await page.keyboard.press('Enter');
  await page.locator('.entry-bot').nth(replies).waitFor();
}

/**
 * Asks for a consultant, fills the request form (`topic` and `contact` given, the rest valid) and sends it; resolves
 * with the reply that follows (the receipt, or the form again with its errors).
 */
export async function sendConsultantRequest(page: Page, topic: string, contact = 'test@testrup.dk'): Promise<Locator> {
  await askInPage(page, 'kontakt en konsulent');
  const form = page.locator('form.bot-form[data-form-id="escalation"]').last();
  await form.getByLabel('Emne').fill(topic);
  await form.getByLabel('Kort beskrivelse').fill('Vi har brug for hjælp til et svar.');
  await form.getByLabel('Hvor haster det?').selectOption('days');
  await form.getByLabel('Kommune').fill('Testrup');
  await form.getByLabel('Dit navn').fill('Test Testesen');
  await form.getByLabel('E-mail eller telefon').fill(contact);
  const before = await page.locator('.entry-bot').count();
  await form.getByRole('button', { name: 'Send henvendelsen' }).click();
  const reply = page.locator('.entry-bot').nth(before);
  await reply.waitFor();
  return reply;
}

/** The shipped knowledge folder (the conversation is checked on the real entries and guides). */
export const SHIPPED_KNOWLEDGE = fileURLToPath(new URL('../../../knowledge', import.meta.url));

/**
 * Starts a playground on the shipped knowledge and a Chromium before a test file's tests (making the artifacts
 * folder for screenshots) and closes both after them; read each with its getter inside a test.
 */
export function shippedPlaygroundInChromium(artifacts: string): { playground: () => RunningPlayground; browser: () => Browser } {
  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await mkdir(artifacts, { recursive: true });
    playground = await startPlayground({}, SHIPPED_KNOWLEDGE);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} has not started (beforeAll failed?)`);
    return value;
  };
  return { playground: () => started(playground, 'the playground'), browser: () => started(browser, 'Chromium') };
}
