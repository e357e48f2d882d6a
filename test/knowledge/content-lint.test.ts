import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { formatLintError } from '../../src/knowledge/lint-error.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { isFrontPage } from '../../src/knowledge/source-url.ts';
import { sourceSchema } from '../../src/knowledge/faq-schema.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'content-errors');

describe('content that stays true', () => {
  it('treats a URL whose path is empty or "/" as a front page, and any deeper path as a document', () => {
    expect(isFrontPage('https://www.kl.dk')).toBe(true);
    expect(isFrontPage('https://www.kl.dk/')).toBe(true);
    expect(isFrontPage('https://www.kl.dk/?side=2#top')).toBe(true);
    expect(isFrontPage('https://www.kl.dk/kl-kommunikation/')).toBe(false);
    expect(isFrontPage('https://www.retsinformation.dk/eli/lta/2023/721')).toBe(false);
  });

  it('also treats a language or index page as the front page (the content trial got these through)', () => {
    for (const url of ['https://www.kl.dk/forside', 'https://www.kl.dk/index.html', 'https://www.kl.dk/da/', 'https://www.kl.dk/#top', 'https://x.dk/en/default.aspx']) {
      expect(isFrontPage(url), url).toBe(true);
    }
    for (const url of ['https://www.kl.dk/da/nyheder/', 'https://www.kl.dk/forside-nyheder', 'https://www.dst.dk/da/Statistik/nyheder-analyser-publ/nyt/NytHtml?cid=46771']) {
      expect(isFrontPage(url), url).toBe(false);
    }
  });

  it('rejects a source URL with a space in it, saying where to copy it from', () => {
    const result = sourceSchema.safeParse({ title: 'Diversa', url: 'https://diversa.dk/vejledning om video' });
    expect(result.error?.issues.map((i) => i.message)).toEqual(["has a space in it; copy the address from the browser's address bar"]);
    expect(sourceSchema.safeParse({ title: 'Diversa', url: 'https://diversa.dk/vejledning-om-video' }).success).toBe(true);
  });

  it('fails an FAQ entry and a flow without a reviewed date, and every front-page source, with file and line', async () => {
    const { errors, warnings } = await loadKnowledge(FIXTURE, loadFlowEngine, new Date('2026-12-06T00:00:00Z'));
    const byPlace = [...errors].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    expect(byPlace.map(formatLintError)).toEqual([
      `${join(FIXTURE, 'faq', 'uden-dato.yaml')}:1: reviewed: missing; add "reviewed: YYYY-MM-DD", the day the claims were last checked against the sources`,
      `${join(FIXTURE, 'faq', 'uden-dato.yaml')}:10: sources.0.url: https://www.kl.dk/ is a site's front page; link to the document the claim comes from (its own address), or drop the source`,
      `${join(FIXTURE, 'flows', 'uden-dato-guide.yaml')}:1: reviewed: missing; add "reviewed: YYYY-MM-DD", the day the claims were last checked against the sources`,
      `${join(FIXTURE, 'flows', 'uden-dato-guide.yaml')}:21: nodes.slut.sources.0.url: https://www.retsinformation.dk is a site's front page; link to the document the claim comes from (its own address), or drop the source`,
    ]);
    expect(warnings).toEqual([]);
  });

  it('still loads the entry and the flow, so the search and other references keep working while the errors are fixed', async () => {
    const { knowledge } = await loadKnowledge(FIXTURE, loadFlowEngine);
    expect([...knowledge.faq.keys()]).toEqual(['uden-dato']);
    expect([...knowledge.flows.keys()]).toEqual(['uden-dato-guide']);
  });
});
