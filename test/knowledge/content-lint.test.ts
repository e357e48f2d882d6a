import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { formatLintError } from '../../src/knowledge/lint-error.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { isFrontPage } from '../../src/knowledge/source-url.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'content-errors');

describe('content that stays true', () => {
  it('treats a URL whose path is empty or "/" as a front page, and any deeper path as a document', () => {
    expect(isFrontPage('https://www.kl.dk')).toBe(true);
    expect(isFrontPage('https://www.kl.dk/')).toBe(true);
    expect(isFrontPage('https://www.kl.dk/?side=2#top')).toBe(true);
    expect(isFrontPage('https://www.kl.dk/kl-kommunikation/')).toBe(false);
    expect(isFrontPage('https://www.retsinformation.dk/eli/lta/2023/721')).toBe(false);
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
