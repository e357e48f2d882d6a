import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const tempDb = async () => join(await mkdtemp(join(tmpdir(), 'some-cli-')), 'state.db');

/** The YAML lines of one out-of-scope area (without hint_en when `english` is false). */
function area(id: string, english = true): string[] {
  return [`  - id: ${id}`, '    title: IT', '    hint: Spørg IT.', ...(english ? ['    hint_en: Ask IT.'] : []), '    questions: [printeren virker ikke]'];
}

/** A temporary knowledge folder with empty faq/ and flows/ and an outside.yaml of the given areas. */
async function knowledgeWithOutside(areas: string[][]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'some-lint-'));
  await mkdir(join(dir, 'faq'));
  await mkdir(join(dir, 'flows'));
  await writeFile(join(dir, 'outside.yaml'), ['areas:', ...areas.flat(), ''].join('\n'));
  return dir;
}

describe('some-advisor CLI', () => {
  it('search --json-lines prints one result line per question', async () => {
    const { code, stdout } = await runCli(['search', '--json-lines'], 'må vi slette kommentarer\nopskrift på æblekage\n', {
      SQLITE_PATH: await tempDb(),
    });
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { query: string; results: { id: string; kind: string; score: number }[]; confident: boolean });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ query: 'må vi slette kommentarer', confident: true });
    expect(lines[0]?.results[0]).toMatchObject({ id: 'slette-kommentarer', kind: 'faq' });
    expect(lines[0]?.results[0]?.score).toBeGreaterThan(0);
    expect(lines[0]?.results[0]?.score).toBeLessThanOrEqual(1);
    expect(lines[1]?.confident).toBe(false);
  });

  it('chat --json answers each input line with exactly one JSON line, and remembers the conversation', async () => {
    const db = await tempDb();
    const input = ['må vi slette kommentarer', '{"action":"cmd:menu"}', 'not json {', '{"action":"faq:debatpolitik"}', ''].join('\n');
    const { code, stdout } = await runCli(['chat', '--json', '--conversation', 'x1'], `${input}\n`, { SQLITE_PATH: db });
    expect(code).toBe(0);
    const replies = stdout.trim().split('\n').map((l) => JSON.parse(l) as { messages: { blocks: { type: string }[]; fallback: string }[]; flow: unknown });
    expect(replies).toHaveLength(5);
    for (const reply of replies) {
      expect(reply.messages.length).toBeGreaterThan(0);
      expect(reply).toHaveProperty('flow');
    }
    expect(replies[3]?.messages[0]?.blocks[0]).toEqual({ type: 'heading', text: 'Debatpolitik og husregler' });
    const again = await runCli(['chat', '--json', '--conversation', 'x1'], '1\n', { SQLITE_PATH: db });
    const reply = JSON.parse(again.stdout) as { messages: { fallback: string }[] };
    expect(reply.messages[0]?.fallback).not.toContain('ikke længere aktivt');
  });

  it('ask prints a readable answer', async () => {
    const { code, stdout } = await runCli(['ask', 'hvordan', 'laver', 'vi', 'en', 'debatpolitik'], '', { SQLITE_PATH: await tempDb() });
    expect(code).toBe(0);
    expect(stdout).toContain('Debatpolitik og husregler');
    expect(stdout).toMatch(/\[1\] /);
  });

  it('each ask is a fresh conversation: the same question twice is answered twice, not "the same answer as before"', async () => {
    const db = await tempDb();
    for (let i = 0; i < 2; i++) {
      const { code, stdout } = await runCli(['ask', 'hvordan', 'laver', 'vi', 'en', 'debatpolitik'], '', { SQLITE_PATH: db });
      expect(code).toBe(0);
      expect(stdout).toContain('Debatpolitik og husregler');
      expect(stdout).not.toContain('det samme svar');
    }
  });

  it('lint exits 1 with file:line errors on a broken knowledge folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'some-lint-'));
    await cp(join(import.meta.dirname, '..', 'fixtures', 'faq-broken'), join(dir, 'faq'), { recursive: true });
    await mkdir(join(dir, 'flows'));
    const { code, stdout } = await runCli(['lint'], '', { KNOWLEDGE_DIR: dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(/faq\/syntax-error\.yaml:5: YAML syntax error/);
    expect(stdout).toMatch(/faq\/missing-title\.yaml:1: title:/);
  });

  it('ask without a knowledge folder says which folder is missing and what to set, without a stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'some-no-knowledge-'));
    const missing = join(dir, 'knowledge');
    const { code, stdout, stderr } = await runCli(['ask', 'hej'], '', { KNOWLEDGE_DIR: missing, SQLITE_PATH: await tempDb() });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`there is no FAQ folder at ${join(missing, 'faq')}`);
    expect(stderr).toContain('set KNOWLEDGE_DIR');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('lint counts FAQ entries, flows and out-of-scope areas when the folder is clean', async () => {
    const dir = await knowledgeWithOutside([area('it-support'), area('hr')]);
    const text = await runCli(['lint'], '', { KNOWLEDGE_DIR: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(`OK: 0 FAQ entries, 0 flows and 2 out-of-scope areas in ${dir}\n`);
    const json = await runCli(['lint', '--json'], '', { KNOWLEDGE_DIR: dir });
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, errors: [], warnings: [], entries: 0, flows: 0, outsideAreas: 2 });
  });

  it('lint reports errors in outside.yaml with file:line', async () => {
    const dir = await knowledgeWithOutside([area('it-support', false), area('it-support', false)]);
    const { code, stdout } = await runCli(['lint'], '', { KNOWLEDGE_DIR: dir });
    expect(code).toBe(1);
    expect(stdout).toContain(`${join(dir, 'outside.yaml')}:2: areas.0.hint_en: `);
    expect(stdout).toContain(`${join(dir, 'outside.yaml')}:6: areas.1.hint_en: `);
  });

  it('lint reports a duplicate area id in outside.yaml with its line', async () => {
    const dir = await knowledgeWithOutside([area('it-support'), area('it-support')]);
    const { code, stdout } = await runCli(['lint'], '', { KNOWLEDGE_DIR: dir });
    expect(code).toBe(1);
    expect(stdout).toContain(`${join(dir, 'outside.yaml')}:7: areas.1.id: duplicate id "it-support"`);
    expect(stdout).toMatch(/^1 error\(s\) in /m);
  });

  it('lint fails an entry or flow without a reviewed date and a front-page source, with file:line', async () => {
    const dir = join(import.meta.dirname, '..', 'fixtures', 'content-errors');
    const { code, stdout } = await runCli(['lint'], '', { KNOWLEDGE_DIR: dir });
    expect(code).toBe(1);
    expect(stdout).toContain(`${join(dir, 'faq', 'uden-dato.yaml')}:1: reviewed: missing; add "reviewed: YYYY-MM-DD"`);
    expect(stdout).toContain(`${join(dir, 'faq', 'uden-dato.yaml')}:10: sources.0.url: https://www.kl.dk/ is a site's front page`);
    expect(stdout).toContain(`${join(dir, 'flows', 'uden-dato-guide.yaml')}:1: reviewed: missing`);
    expect(stdout).toContain(`${join(dir, 'flows', 'uden-dato-guide.yaml')}:21: nodes.slut.sources.0.url: https://www.retsinformation.dk is a site's front page`);
    expect(stdout).toMatch(/^4 error\(s\) in /m);
  });

  it('lint warns, and still exits 0, when a reviewed date is more than 12 months old; --json keeps warnings apart from errors', async () => {
    // the fixture's dates are from 2000-2002, so they are stale whatever day the test runs
    const dir = join(import.meta.dirname, '..', 'fixtures', 'review-due');
    const text = await runCli(['lint'], '', { KNOWLEDGE_DIR: dir });
    expect(text.code).toBe(0);
    expect(text.stdout.trim().split('\n')).toEqual([
      `${join(dir, 'faq', 'aeldst.yaml')}:4: warning: reviewed: 2000-06-15 is more than 12 months ago; check the claims against the sources and update the date`,
      `${join(dir, 'faq', 'gammel.yaml')}:4: warning: reviewed: 2001-03-01 is more than 12 months ago; check the claims against the sources and update the date`,
      `${join(dir, 'flows', 'gammel-guide.yaml')}:7: warning: reviewed: 2002-01-01 is more than 12 months ago; check the claims against the sources and update the date`,
      `OK: 2 FAQ entries, 1 flows and 0 out-of-scope areas in ${dir}; 3 warning(s)`,
    ]);
    const json = await runCli(['lint', '--json'], '', { KNOWLEDGE_DIR: dir });
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; errors: unknown[]; warnings: { file: string; line: number; message: string }[] };
    expect(parsed.ok).toBe(true);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings.map((w) => `${w.file}:${w.line}`)).toEqual([`${join(dir, 'faq', 'aeldst.yaml')}:4`, `${join(dir, 'faq', 'gammel.yaml')}:4`, `${join(dir, 'flows', 'gammel-guide.yaml')}:7`]);
  });

  it('stops with a message naming a bad environment variable', async () => {
    const { code, stderr } = await runCli(['search'], '', { PORT: 'abc' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/PORT: must be a whole number/);
  });
});
