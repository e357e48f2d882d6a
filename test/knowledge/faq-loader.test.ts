import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFaqReferences, lintSituations } from '../../src/knowledge/faq-lint.ts';
import { loadFaq } from '../../src/knowledge/faq-loader.ts';
import { formatLintError } from '../../src/knowledge/lint-error.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'faq-broken');

describe('loading FAQ entries', async () => {
  const loaded = await loadFaq(dir);
  const messages = loaded.errors.map(formatLintError);
  const errorFor = (file: string) => messages.filter((m) => m.startsWith(join(dir, file)));

  it('reports YAML syntax errors with the file and line', () => {
    const [error] = errorFor('syntax-error.yaml');
    expect(error).toMatch(/syntax-error\.yaml:5: YAML syntax error/);
  });

  it('names a missing required field', () => {
    expect(errorFor('missing-title.yaml')).toEqual([expect.stringMatching(/missing-title\.yaml:1: title: /)]);
  });

  it('names the field and the line of a wrong value', () => {
    const errors = errorFor('wrong-type.yaml');
    expect(errors).toContainEqual(expect.stringMatching(/wrong-type\.yaml:8: sources\.0\.url: must be an http\(s\) URL/));
    expect(errors).toContainEqual(expect.stringMatching(/wrong-type\.yaml:9: escalate: /));
  });

  it('rejects an empty answer', () => {
    expect(errorFor('empty-answer.yaml')).toEqual([expect.stringMatching(/empty-answer\.yaml:5: answer: answer must not be empty/)]);
  });

  it('rejects a situation too short to describe one, naming its line', () => {
    expect(errorFor('short-situation.yaml')).toEqual([expect.stringMatching(/short-situation\.yaml:7: situations\.1: must describe a situation in at least 8 words/)]);
  });

  it('rejects unknown fields', () => {
    expect(errorFor('extra-field.yaml')).toEqual([expect.stringMatching(/extra-field\.yaml:1: .*colour/)]);
  });

  it('requires the id to match the file name', () => {
    expect(errorFor('name-mismatch.yaml')).toEqual([
      expect.stringMatching(/name-mismatch\.yaml:1: id: "another-id" must match the file name "name-mismatch"/),
    ]);
  });

  it('finds dangling related and flow references, with their lines', async () => {
    const errors = (await lintFaqReferences(loaded.entries, loaded.fileOf, new Set())).map(formatLintError);
    expect(errors).toEqual([
      expect.stringMatching(/dangling\.yaml:7: related\.0: no FAQ entry has the id "missing-title"/),
      expect.stringMatching(/dangling\.yaml:8: related\.1: no FAQ entry has the id "no-such-entry"/),
      expect.stringMatching(/dangling\.yaml:9: flow: no guided flow has the id "no-such-flow"/),
    ]);
  });

  it('keeps the valid entries', () => {
    expect(loaded.entries.map((e) => e.id).sort()).toEqual(['another-id', 'dangling']);
  });
});

describe('duplicate ids', () => {
  it('are reported once per extra file', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const tmp = await mkdtemp(join(tmpdir(), 'faq-dup-'));
    const body = (id: string) => `id: ${id}\ntitle: T\nquestions: [q]\nanswer: A\n`;
    await writeFile(join(tmp, 'a.yaml'), body('a'));
    await writeFile(join(tmp, 'b.yaml'), body('a'));
    const { errors } = await loadFaq(tmp);
    expect(errors.map(formatLintError)).toContainEqual(expect.stringMatching(/b\.yaml:1: id: duplicate id "a" \(also in .*a\.yaml\)/));
  });
});

describe('situations', () => {
  it('may not repeat a question or a situation of any entry (case, æøå and punctuation folded)', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const tmp = await mkdtemp(join(tmpdir(), 'faq-situations-'));
    const situation = 'en borger skriver under hvert opslag at kommunen spilder skatteydernes penge';
    await writeFile(join(tmp, 'a.yaml'), `id: a\ntitle: A\nquestions:\n  - ${situation}\nanswer: A\n`);
    await writeFile(join(tmp, 'b.yaml'), `id: b\ntitle: B\nquestions: [q]\nsituations:\n  - Vi har en ny side og ved ikke hvem der skal passe den om aftenen\n  - En borger skriver under hvert opslag, at kommunen spilder skatteydernes penge!\nanswer: B\n`);
    await writeFile(join(tmp, 'c.yaml'), `id: c\ntitle: C\nquestions: [q]\nsituations:\n  - vi har en ny side og ved ikke hvem der skal passe den om aftenen\nanswer: C\n`);
    const loaded = await loadFaq(tmp);
    expect(loaded.errors).toEqual([]);
    const errors = (await lintSituations(loaded.entries, loaded.fileOf)).map(formatLintError);
    expect(errors).toEqual([
      expect.stringMatching(/b\.yaml:6: situations\.1: repeats a question of "a"/),
      expect.stringMatching(/c\.yaml:5: situations\.0: repeats situations\.0 of "b"/),
    ]);
  });
});
