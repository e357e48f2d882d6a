import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLintError } from '../../src/knowledge/lint-error.ts';
import { loadOutside } from '../../src/knowledge/outside-loader.ts';

const knowledgeDir = join(import.meta.dirname, '..', '..', 'knowledge');

const writeOutside = async (lines: string[]) => {
  const file = join(await mkdtemp(join(tmpdir(), 'outside-')), 'outside.yaml');
  await writeFile(file, [...lines, ''].join('\n'));
  const loaded = await loadOutside(file);
  return { file, ...loaded, messages: loaded.errors.map(formatLintError) };
};

const area = (id: string, extra: string[] = []) => [
  `  - id: ${id}`,
  '    title: IT-support',
  '    hint: Kontakt jeres IT-afdeling.',
  '    hint_en: Contact your IT department.',
  '    questions:',
  '      - printeren virker ikke',
  ...extra,
];

describe('loading knowledge/outside.yaml', () => {
  it('loads a valid file', async () => {
    const { areas, errors } = await writeOutside([
      'areas:',
      ...area('it-support', ['    keywords: [printer, wifi]']),
      '  - id: borgerservice',
      '    title: Borgerservice',
      '    hint: Se borger.dk.',
      '    hint_en: See borger.dk.',
      '    questions: [Hvordan fornyer jeg mit pas?, kørekort fornyelse]',
    ]);
    expect(errors).toEqual([]);
    expect(areas).toEqual([
      {
        id: 'it-support',
        title: 'IT-support',
        hint: 'Kontakt jeres IT-afdeling.',
        hint_en: 'Contact your IT department.',
        questions: ['printeren virker ikke'],
        keywords: ['printer', 'wifi'],
      },
      {
        id: 'borgerservice',
        title: 'Borgerservice',
        hint: 'Se borger.dk.',
        hint_en: 'See borger.dk.',
        questions: ['Hvordan fornyer jeg mit pas?', 'kørekort fornyelse'],
        keywords: [],
      },
    ]);
  });

  it('treats a missing file as no areas and no errors', async () => {
    const missing = join(await mkdtemp(join(tmpdir(), 'outside-')), 'outside.yaml');
    expect(await loadOutside(missing)).toEqual({ areas: [], errors: [] });
  });

  it('accepts the shipped file', async () => {
    const { areas, errors } = await loadOutside(join(knowledgeDir, 'outside.yaml'));
    expect(errors.map(formatLintError)).toEqual([]);
    expect(areas.length).toBeGreaterThan(0);
    expect(new Set(areas.map((a) => a.id)).size).toBe(areas.length);
  });

  it('names the file, line and field of a missing hint_en', async () => {
    const { file, areas, messages } = await writeOutside([
      'areas:',
      ...area('it-support'),
      '  - id: borgerservice',
      '    title: Borgerservice',
      '    hint: Se borger.dk.',
      '    questions: [pas]',
    ]);
    expect(messages).toEqual([expect.stringMatching(new RegExp(`^${escape(file)}:8: areas\\.1\\.hint_en: `))]);
    expect(areas).toEqual([]);
  });

  it('names the file, line and field of a bad id, an empty hint and an unknown field', async () => {
    const { file, messages } = await writeOutside([
      'areas:',
      '  - id: IT Support',
      '    title: IT-support',
      '    hint: "  "',
      '    hint_en: Contact IT.',
      '    questions: [printer]',
      '    colour: blue',
    ]);
    expect(messages).toEqual(
      expect.arrayContaining([
        `${file}:2: areas.0.id: must be written in a-z, 0-9 and - only (lower case; æ, ø, å as ae, oe, aa; no spaces), e.g. livestream-byraadsmoeder`,
        `${file}:4: areas.0.hint: must not be empty`,
        expect.stringMatching(new RegExp(`^${escape(file)}:\\d+: .*colour`)),
      ]),
    );
    expect(messages).toHaveLength(3);
  });

  it('requires at least one question', async () => {
    const { file, messages } = await writeOutside(['areas:', ...area('it-support').slice(0, 4), '    questions: []']);
    expect(messages).toEqual([`${file}:6: areas.0.questions: needs at least one question`]);
  });

  it('reports a duplicate id with its line and keeps the first area', async () => {
    const { file, areas, messages } = await writeOutside(['areas:', ...area('it-support'), ...area('it-support')]);
    expect(messages).toEqual([`${file}:8: areas.1.id: duplicate id "it-support"`]);
    expect(areas.map((a) => a.id)).toEqual(['it-support']);
  });

  it('reports a YAML syntax error with file and line', async () => {
    const { file, areas, messages } = await writeOutside(['areas:', ...area('it-support'), '    keywords: [printer, wifi', '  - id: x']);
    expect(areas).toEqual([]);
    expect(messages).toEqual([expect.stringMatching(new RegExp(`^${escape(file)}:9: YAML syntax error: Flow sequence`))]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
