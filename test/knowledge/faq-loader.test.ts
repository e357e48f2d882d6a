import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFaqReferences, lintRepeats } from '../../src/knowledge/faq-lint.ts';
import { loadFaq } from '../../src/knowledge/faq-loader.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { formatLintError } from '../../src/knowledge/lint-error.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'faq-broken');

/** A new knowledge folder with empty faq/ and flows/ folders. */
async function knowledgeFolder(name: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), name));
  await mkdir(join(root, 'faq'));
  await mkdir(join(root, 'flows'));
  return root;
}

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
    const tmp = await mkdtemp(join(tmpdir(), 'faq-dup-'));
    const body = (id: string) => `id: ${id}\ntitle: T\nquestions: [q]\nanswer: A\n`;
    await writeFile(join(tmp, 'a.yaml'), body('a'));
    await writeFile(join(tmp, 'b.yaml'), body('a'));
    const { errors } = await loadFaq(tmp);
    expect(errors.map(formatLintError)).toContainEqual(expect.stringMatching(/b\.yaml:1: id: duplicate id "a" \(also in .*a\.yaml\)/));
  });
});

describe('questions and situations', () => {
  it('a situation may not repeat a question or a situation of any entry (case, æøå and punctuation folded)', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'faq-situations-'));
    const situation = 'en borger skriver under hvert opslag at kommunen spilder skatteydernes penge';
    await writeFile(join(tmp, 'a.yaml'), `id: a\ntitle: A\nquestions:\n  - ${situation}\nanswer: A\n`);
    await writeFile(join(tmp, 'b.yaml'), `id: b\ntitle: B\nquestions: [qb]\nsituations:\n  - Vi har en ny side og ved ikke hvem der skal passe den om aftenen\n  - En borger skriver under hvert opslag, at kommunen spilder skatteydernes penge!\nanswer: B\n`);
    await writeFile(join(tmp, 'c.yaml'), `id: c\ntitle: C\nquestions: [qc]\nsituations:\n  - vi har en ny side og ved ikke hvem der skal passe den om aftenen\nanswer: C\n`);
    const loaded = await loadFaq(tmp);
    expect(loaded.errors).toEqual([]);
    const errors = (await lintRepeats(loaded.entries, loaded.fileOf)).map(formatLintError);
    expect(errors).toEqual([
      expect.stringMatching(/b\.yaml:6: situations\.1: repeats a question of "a"/),
      expect.stringMatching(/c\.yaml:5: situations\.0: repeats situations\.0 of "b"/),
    ]);
  });

  it('a question may not repeat a question of its own entry or of another one (the trial copied one from another entry)', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'faq-questions-'));
    await writeFile(join(tmp, 'a.yaml'), 'id: a\ntitle: A\nquestions:\n  - youtub byraadsmoede live\nanswer: A\n');
    await writeFile(join(tmp, 'b.yaml'), 'id: b\ntitle: B\nquestions:\n  - må vi livestreame byrådsmøder på facebook\n  - Må vi livestreame byrådsmøder på Facebook?\n  - YouTub byraadsmoede live\nanswer: B\n');
    const loaded = await loadFaq(tmp);
    expect((await lintRepeats(loaded.entries, loaded.fileOf)).map(formatLintError)).toEqual([
      expect.stringMatching(/b\.yaml:5: questions\.1: repeats questions\.0 of this entry$/),
      expect.stringMatching(/b\.yaml:6: questions\.2: repeats a question of "a"$/),
    ]);
  });
});

describe('references', () => {
  it('a reference to a file that did not load is reported only in that file; a mistyped id gets "did you mean"', async () => {
    const dir = await knowledgeFolder('faq-references-');
    const entry = (id: string, extra: string) => `id: ${id}\ntitle: ${id}\nquestions:\n  - spørgsmål om ${id}\nanswer: Svar.\nreviewed: 2026-12-01\n${extra}`;
    await writeFile(join(dir, 'faq', 'platform-youtube.yaml'), entry('platform-youtube', ''));
    await writeFile(join(dir, 'faq', 'spam.yaml'), '');
    await writeFile(join(dir, 'faq', 'blokering.yaml'), entry('blokering', 'related: [spam, platform-youtub]\nflow: critical-citizen\n'));
    await writeFile(join(dir, 'flows', 'critical-citizen.yaml'), 'id: critical-citizen\ntitle: Kritisk borger\nnodes:\n  a:\n    type: question\n    prompt: Spam: hvad er det?\n');
    const { errors } = await loadKnowledge(dir, loadFlowEngine, new Date('2026-12-06'));
    expect(errors.map((e) => `${e.file.slice(dir.length + 1)}:${e.line}: ${e.message}`)).toEqual([
      'faq/spam.yaml:1: (file): the file is empty (or holds only comments)',
      expect.stringMatching(/^flows\/critical-citizen\.yaml:6: YAML syntax error: .*put the whole text in quotes/),
      'faq/blokering.yaml:7: related.1: no FAQ entry has the id "platform-youtub" (did you mean "platform-youtube"?)',
    ]);
  });
});

describe('files in the FAQ folder', () => {
  it('a file that is not .yaml is an error naming the name it should have; the template, hidden files and backups are not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'faq-strays-'));
    const entry = (id: string) => `id: ${id}\ntitle: ${id}\nquestions:\n  - spørgsmål om ${id}\nanswer: Svar.\n`;
    await writeFile(join(dir, 'livestream.yaml.txt'), entry('livestream'));
    await writeFile(join(dir, 'noter.txt'), 'noter');
    for (const name of ['.example.yaml.txt', 'a.yaml~', '#a.yaml#', '.a.yaml.swp']) await writeFile(join(dir, name), 'x');
    await writeFile(join(dir, 'a.yaml'), entry('a'));
    const loaded = await loadFaq(dir);
    expect(loaded.entries.map((e) => e.id)).toEqual(['a']);
    expect(loaded.errors.map(formatLintError)).toEqual([
      expect.stringMatching(/livestream\.yaml\.txt:1: only files whose names end in \.yaml are read, so this one is not: rename it to "livestream\.yaml"/),
      expect.stringMatching(/noter\.txt:1: only files whose names end in \.yaml are read.*"noter\.yaml", or move it out of the folder/),
    ]);
  });

  it('a file name with æ/ø/å says to rename the file, spelled as an id', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'faq-danish-name-'));
    await writeFile(join(dir, 'livestream-byrådsmøder.yaml'), 'id: livestream-byraadsmoeder\ntitle: T\nquestions:\n  - q\nanswer: A\n');
    expect((await loadFaq(dir)).errors.map((e) => e.message)).toEqual([
      'id: the file name "livestream-byrådsmøder" cannot be an id (a-z, 0-9 and - only; æ, ø, å are written ae, oe, aa): rename the file to "livestream-byraadsmoeder.yaml" and write id: livestream-byraadsmoeder',
    ]);
  });
});

describe('dates and style a consultant gets told about', () => {
  it('a reviewed date that is no day, or after today, and an answer against content-style.md', async () => {
    const dir = await knowledgeFolder('faq-style-');
    const entry = (id: string, reviewed: string, answer: string) => `id: ${id}\ntitle: ${id}\nquestions:\n  - spørgsmål om ${id}\nanswer: |\n  ${answer}\nreviewed: ${reviewed}\n`;
    await writeFile(join(dir, 'faq', 'no-day.yaml'), entry('no-day', '2026-02-30', 'Svar.'));
    await writeFile(join(dir, 'faq', 'next-year.yaml'), entry('next-year', '2027-12-06', 'Svar.'));
    await writeFile(join(dir, 'faq', 'styled.yaml'), entry('styled', '2026-12-01', `## Sådan gør I\n  Send en holdbesked nu!\n  ${'Langt svar. '.repeat(260)}`));
    const { errors, warnings } = await loadKnowledge(dir, loadFlowEngine, new Date('2026-12-06T12:00:00Z'));
    const at = (e: { file: string; line: number; message: string }) => `${e.file.slice(dir.length + 1)}:${e.line}: ${e.message}`;
    expect(errors.map(at)).toEqual(['faq/no-day.yaml:7: reviewed: is not a day in the calendar; write the day the claims were last checked, as YYYY-MM-DD']);
    expect(warnings.map(at)).toEqual([
      'faq/next-year.yaml:7: reviewed: 2027-12-06 is after today; write the day the claims were last checked against the sources',
      expect.stringMatching(/^faq\/styled\.yaml:5: answer: 3\d{3} characters; keep it under 3000/),
      'faq/styled.yaml:5: answer: a "#" heading does not show in Slack and Teams; use a bold line (**Sådan gør I**) instead',
      'faq/styled.yaml:5: answer: no exclamation marks in advice (content-style.md)',
      'faq/styled.yaml:5: "holdbesked" is retired (content-style.md); write "foreløbig melding" or "ventebesked"',
    ]);
  });
});
