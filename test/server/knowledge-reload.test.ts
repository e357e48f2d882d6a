import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import type { Message } from '../../src/core/message.ts';
import type { Turn, TurnInput } from '../../src/core/turn.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { stringsFor } from '../../src/i18n/strings.ts';
import { formatLintError } from '../../src/knowledge/lint-error.ts';
import { TopicRegression } from '../../src/knowledge/topic-regression.ts';
import { createRuntime, type Runtime } from '../../src/main.ts';
import { FIXTURE_KNOWLEDGE } from '../store/support/chat-process.ts';
import { ServeProcess } from '../store/support/serve-process.ts';
import { playgroundText } from './support/playground-turn.ts';

const ANSWER_FILE = join('faq', 'slette-kommentarer.yaml');
const FLOW_FILE = join('flows', 'store-test-guide.yaml');
const OLD_ANSWER = 'Kun efter jeres debatpolitik.';
const NEW_ANSWER = 'Kun efter den nye debatpolitik.';
const OLD_QUESTION = 'Har I tid til at svare hver dag?';
const NEW_QUESTION = 'Har I tid til at svare på hverdage?';

/** A copy of the store tests' small knowledge folder that a test may edit. */
async function knowledgeCopy(): Promise<{
  dir: string;
  edit: (file: string, from: string, to: string) => Promise<void>;
  write: (file: string, text: string) => Promise<void>;
  /** Saves as many editors do: the new text to a temporary file, renamed over the old one. */
  saveByRename: (file: string, from: string, to: string) => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'some-advisor-reload-'));
  await cp(FIXTURE_KNOWLEDGE, join(dir, 'knowledge'), { recursive: true });
  const root = join(dir, 'knowledge');
  return {
    dir,
    edit: async (file, from, to) => {
      const text = await readFile(join(root, file), 'utf8');
      if (!text.includes(from)) throw new Error(`${file} does not contain "${from}"`);
      await writeFile(join(root, file), text.replace(from, to));
    },
    write: (file, text) => writeFile(join(root, file), text),
    saveByRename: async (file, from, to) => {
      const text = await readFile(join(root, file), 'utf8');
      if (!text.includes(from)) throw new Error(`${file} does not contain "${from}"`);
      await writeFile(join(root, `${file}.tmp`), text.replace(from, to));
      await rename(join(root, `${file}.tmp`), join(root, file));
    },
  };
}

// The Agents SDK refuses anonymous mode when NODE_ENV=production; dummy credentials (nothing calls Teams here).
const TEAMS_CREDENTIALS = { MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'not-used', MICROSOFT_APP_TYPE: 'MultiTenant' };

const turn = (conversationId: string, input: TurnInput): Turn => ({ channel: 'console', conversationId, user: { id: 'u', locale: 'da' }, input });
const textOf = (messages: Message[]) => messages.map((m) => m.fallback).join('\n');
const choiceIds = (messages: Message[]) => messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'choices' ? b.choices.map((c) => c.id) : [])));

describe('knowledge reload without restart', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  /**
   * A runtime on its own copy of the knowledge (both gone after the test), and `ask`, which asks in a new conversation
   * each time: the same answer twice in one conversation is only referred to the second time.
   */
  async function runtimeOnCopy(logger: Logger = pino({ level: 'silent' })) {
    const copy = await knowledgeCopy();
    cleanup.push(() => rm(copy.dir, { recursive: true, force: true }));
    const config = loadConfig({ KNOWLEDGE_DIR: join(copy.dir, 'knowledge'), SQLITE_PATH: join(copy.dir, 'state.db'), ANALYTICS_SECRET: 'reload-test-secret-0123456789' });
    const runtime: Runtime = await createRuntime(config, logger, loadFlowEngine, { outbox: false });
    cleanup.push(() => runtime.close());
    let asked = 0;
    const ask = async (text: string) => textOf(await runtime.bot.handle(turn(`ask-${++asked}`, { kind: 'text', text })));
    return { copy, runtime, ask };
  }

  it('serves a changed answer, rejects a broken version with file:line errors (the old one stays), and restarts a changed flow politely', async () => {
    const logLines: string[] = [];
    const { copy, runtime, ask } = await runtimeOnCopy(pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _encoding, done) => (logLines.push(chunk.toString()), done()) })));

    expect(await ask('må vi slette kommentarer')).toContain(OLD_ANSWER);
    expect(runtime.rejectedReload()).toBeUndefined();
    await copy.edit(ANSWER_FILE, OLD_ANSWER, NEW_ANSWER);
    expect(await runtime.reload()).toEqual({ ok: true, errors: [] });
    expect(await ask('må vi slette kommentarer')).toContain(NEW_ANSWER);

    const good = await readFile(join(copy.dir, 'knowledge', ANSWER_FILE), 'utf8');
    await copy.write(ANSWER_FILE, 'id: slette-kommentarer\ntitle: [unclosed\n');
    await copy.edit(FLOW_FILE, 'next: time', 'next: nowhere');
    const rejected = await runtime.reload();
    expect(rejected.ok).toBe(false);
    expect(rejected.errors.map((e) => e.file)).toEqual(expect.arrayContaining([expect.stringContaining('slette-kommentarer.yaml'), expect.stringContaining('store-test-guide.yaml')]));
    const logged = logLines.find((line) => line.includes('knowledge reload rejected')) ?? '';
    expect(logged).toMatch(/slette-kommentarer\.yaml:\d+: /);
    expect(logged).toMatch(/store-test-guide\.yaml:\d+: .*nowhere/);
    expect(await ask('må vi slette kommentarer')).toContain(NEW_ANSWER);
    // The rejection is kept (for the playground's banner) as the log has it, and the live flows stay the previous ones.
    expect(runtime.rejectedReload()).toEqual({ at: expect.any(Date), errors: rejected.errors.map(formatLintError) });
    expect(JSON.stringify(runtime.flowDefinitions())).not.toContain('nowhere');

    // A flow in progress whose definition changes is restarted with a notice.
    await copy.write(ANSWER_FILE, good);
    await copy.edit(FLOW_FILE, 'next: nowhere', 'next: time');
    expect((await runtime.reload()).ok).toBe(true);
    expect(runtime.rejectedReload()).toBeUndefined();
    const started = await runtime.bot.respond(turn('flow', { kind: 'action', actionId: 'flow:store-test-guide' }));
    expect(started.flow).toMatchObject({ id: 'store-test-guide', node: 'audience' });
    const [young] = choiceIds(started.messages);
    const second = await runtime.bot.respond(turn('flow', { kind: 'action', actionId: young ?? '' }));
    expect(second.flow).toMatchObject({ node: 'time' });
    await copy.edit(FLOW_FILE, OLD_QUESTION, NEW_QUESTION);
    expect((await runtime.reload()).ok).toBe(true);
    const [yes] = choiceIds(second.messages);
    const afterChange = await runtime.bot.respond(turn('flow', { kind: 'action', actionId: yes ?? '' }));
    expect(textOf(afterChange.messages)).toContain(stringsFor('da').flowRestartedAfterChange('Testguide til lagertestene'));
    expect(afterChange.flow).toMatchObject({ id: 'store-test-guide', node: 'audience', outcome: false });
  });

  it('keeps the learned topic model across a reload that changed only an answer, and learns again when a question changed', async () => {
    const { copy, runtime, ask } = await runtimeOnCopy();
    const learning = vi.spyOn(TopicRegression.prototype as unknown as { averageOfOrders: () => Float32Array }, 'averageOfOrders');
    cleanup.push(async () => learning.mockRestore());

    expect(await ask('må vi slette kommentarer')).toContain(OLD_ANSWER);
    // the shipped phrasings: learned once, or read from a build of them (dist/)
    const atStart = learning.mock.calls.length;
    expect(atStart).toBeLessThanOrEqual(1);
    await copy.edit(ANSWER_FILE, OLD_ANSWER, NEW_ANSWER);
    expect((await runtime.reload()).ok).toBe(true);
    expect(await ask('må vi slette kommentarer')).toContain(NEW_ANSWER);
    expect(learning).toHaveBeenCalledTimes(atStart);
    await copy.edit(ANSWER_FILE, 'må vi slette kommentarer', 'må vi slette grimme kommentarer');
    expect((await runtime.reload()).ok).toBe(true);
    expect(await ask('må vi slette kommentarer')).toContain(NEW_ANSWER);
    expect(learning).toHaveBeenCalledTimes(atStart + 1);
  });

  it('goes live with an entry due for review (a warning), and rejects one without a reviewed date (an error)', async () => {
    const { copy, runtime, ask } = await runtimeOnCopy();

    await copy.edit(ANSWER_FILE, OLD_ANSWER, NEW_ANSWER);
    await copy.edit(ANSWER_FILE, 'reviewed: 2026-12-06', 'reviewed: 2001-01-01');
    expect(await runtime.reload()).toEqual({ ok: true, errors: [] });
    expect(await ask('må vi slette kommentarer')).toContain(NEW_ANSWER);

    await copy.edit(ANSWER_FILE, 'reviewed: 2001-01-01', '');
    const rejected = await runtime.reload();
    expect(rejected.ok).toBe(false);
    expect(rejected.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^reviewed: missing/)]);
  });

  it('serve reloads on SIGHUP (production) and on file changes (development)', { timeout: 120_000 }, async () => {
    for (const mode of ['production', 'development'] as const) {
      const copy = await knowledgeCopy();
      cleanup.push(() => rm(copy.dir, { recursive: true, force: true }));
      const serve = await ServeProcess.start({ KNOWLEDGE_DIR: join(copy.dir, 'knowledge'), SQLITE_PATH: join(copy.dir, 'state.db'), PLAYGROUND: 'on', NODE_ENV: mode, LOG_LEVEL: 'info', ...TEAMS_CREDENTIALS });
      cleanup.push(() => serve.stop());
      let asked = 0;
      const answer = () => playgroundText(serve.baseUrl, `reload-${mode}-${++asked}`, 'må vi slette kommentarer');
      expect(await answer()).toContain(OLD_ANSWER);
      await copy.edit(ANSWER_FILE, OLD_ANSWER, NEW_ANSWER);
      if (mode === 'production') serve.signal('SIGHUP');
      await expect.poll(answer, { timeout: 15_000, interval: 200 }).toContain(NEW_ANSWER);

      await copy.write(ANSWER_FILE, 'id: slette-kommentarer\ntitle: [unclosed\n');
      if (mode === 'production') serve.signal('SIGHUP');
      await expect.poll(() => serve.stderr, { timeout: 15_000, interval: 200 }).toMatch(/slette-kommentarer\.yaml:\d+: YAML syntax error.*knowledge reload rejected/);
      expect(await answer()).toContain(NEW_ANSWER);
      expect(serve.stderr).toContain(mode === 'production' ? 'SIGHUP: reloading knowledge' : 'watching the knowledge folder');
      expect(await serve.stop()).toBe(0);
    }
  });

  it('serve (development) shows a rejected save on every playground page, the Guides page drawing the live flows, until a save goes live', { timeout: 90_000 }, async () => {
    const copy = await knowledgeCopy();
    cleanup.push(() => rm(copy.dir, { recursive: true, force: true }));
    const serve = await ServeProcess.start({ KNOWLEDGE_DIR: join(copy.dir, 'knowledge'), SQLITE_PATH: join(copy.dir, 'state.db'), PLAYGROUND: 'on', LOG_LEVEL: 'info' });
    cleanup.push(() => serve.stop());
    const page = async (path: string) => {
      const response = await fetch(`${serve.baseUrl}${path}`, { signal: AbortSignal.timeout(20_000) });
      expect(response.status, path).toBe(200);
      return response.text();
    };
    const status = async (query = '') => (await serve.get(`/playground/api/knowledge-status${query}`)).body as { rejectedAt: string | null; banner: string };
    const pages = ['/', '/guides', '/search?q=slette+kommentarer', '/insights'];
    expect(await status()).toEqual({ rejectedAt: null, banner: '' });
    for (const path of pages) expect(await page(path), path).not.toContain('reload-banner');
    expect(await page('/guides')).toContain(OLD_QUESTION);

    // One save that rewords a question and points a choice to a step that does not exist: rejected as a whole.
    const good = await readFile(join(copy.dir, 'knowledge', FLOW_FILE), 'utf8');
    await copy.write(FLOW_FILE, good.replace(OLD_QUESTION, NEW_QUESTION).replace('next: go', 'next: nowhere'));
    await expect.poll(async () => (await status()).rejectedAt, { timeout: 15_000, interval: 200 }).not.toBeNull();
    const danish = /Din seneste ændring i vidensbasen blev afvist (den \d{4}-\d\d-\d\d )?kl\. \d\d:\d\d, og den forrige version svarer stadig\. Ret fejlene og gem igen:/;
    const error = /<li><code>[^<]*store-test-guide\.yaml:\d+: [^<]*nowhere[^<]*<\/code><\/li>/;
    for (const path of pages) {
      const html = await page(path);
      expect(html, path).toMatch(danish);
      expect(html, path).toMatch(error);
    }
    expect((await status()).banner).toMatch(danish);
    expect((await status()).banner).toMatch(error);
    expect((await status('?lang=en')).banner).toMatch(/Your latest change to the knowledge base was rejected (on \S+ )?at \d\d:\d\d/);
    expect(await page('/search?lang=en')).toMatch(/Your latest change to the knowledge base was rejected/);
    const guides = await page('/guides');
    expect(guides).toContain('Guiderne herunder er den version, chatten bruger nu');
    expect(guides).toContain(OLD_QUESTION);
    expect(guides).not.toContain(NEW_QUESTION);
    expect(guides).toContain('data-node-id="go"');

    // The fix goes live: the banner is gone and the Guides page draws the reworded question.
    await copy.write(FLOW_FILE, good.replace(OLD_QUESTION, NEW_QUESTION));
    await expect.poll(async () => (await status()).rejectedAt, { timeout: 15_000, interval: 200 }).toBeNull();
    expect((await status()).banner).toBe('');
    for (const path of pages) expect(await page(path), path).not.toContain('reload-banner');
    const fixed = await page('/guides');
    expect(fixed).toContain(NEW_QUESTION);
    expect(fixed).not.toContain(OLD_QUESTION);
    expect(await serve.stop()).toBe(0);
  });

  it('serve (development) picks up every save of a file an editor replaces by renaming a new file over it', { timeout: 60_000 }, async () => {
    const copy = await knowledgeCopy();
    cleanup.push(() => rm(copy.dir, { recursive: true, force: true }));
    const serve = await ServeProcess.start({ KNOWLEDGE_DIR: join(copy.dir, 'knowledge'), SQLITE_PATH: join(copy.dir, 'state.db'), PLAYGROUND: 'on', LOG_LEVEL: 'info' });
    cleanup.push(() => serve.stop());
    let asked = 0;
    const answer = () => playgroundText(serve.baseUrl, `reload-rename-${++asked}`, 'må vi slette kommentarer');
    let previous = OLD_ANSWER;
    for (const next of ['Kun efter debatpolitikken (1).', 'Kun efter debatpolitikken (2).', 'Kun efter debatpolitikken (3).']) {
      await copy.saveByRename(ANSWER_FILE, previous, next);
      await expect.poll(answer, { timeout: 15_000, interval: 200 }).toContain(next);
      previous = next;
    }
    expect(await serve.stop()).toBe(0);
  });
});
