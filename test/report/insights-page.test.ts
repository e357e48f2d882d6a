import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { playgroundMount } from '../../src/adapters/web/playground-routes.ts';
import { insightsPageBody } from '../../src/adapters/web/insights-page.ts';
import { buildReport, loadReport, reportKnowledge } from '../../src/report/build-report.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import type { Report } from '../../src/report/report-types.ts';
import type { AnalyticsEvent } from '../../src/store/records.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { loaded, person, scriptedBot, testClock } from '../analytics/support/scripted-bot.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> "quote" & http://evil.example/x.png';

function hostileReport(): Report {
  const at = new Date('2026-03-02T09:00:00Z');
  const event = (type: string, payload: Record<string, unknown>, i: number): AnalyticsEvent => ({ id: String(i), at, type, payload });
  const events = [
    event('question_asked', { decision: 'none', platform: HOSTILE, conversation: 'c' }, 1),
    event('no_answer', { text: HOSTILE, conversation: 'c' }, 2),
    event('feedback', { vote: 'down', target: { kind: 'faq', id: 'x' } }, 3),
    event('feedback_comment', { text: HOSTILE, target: { kind: 'faq', id: 'x' } }, 4),
    event('flow_started', { flowId: 'f', nodeId: HOSTILE, conversation: 'c' }, 5),
    event('no_answer', { text: HOSTILE, outside: HOSTILE, conversation: 'c' }, 6),
    event('did_you_mean_shown', { text: HOSTILE, ids: ['faq:x'], conversation: 'c' }, 7),
    event('did_you_mean_picked', { kind: 'faq', id: 'x', conversation: 'c' }, 8),
  ];
  const titles = { faq: () => HOSTILE, flow: () => HOSTILE, outside: () => HOSTILE, step: () => HOSTILE, dueForReview: () => [{ kind: 'faq' as const, id: HOSTILE, title: HOSTILE, reviewed: HOSTILE }] };
  return buildReport(events, [{ id: '1', number: 'KL-1', status: 'new', payload: { topic: HOSTILE }, createdAt: at, updatedAt: at }], titles, new Date('2026-03-03T00:00:00Z'));
}

describe('the playground "Indsigt" page', () => {
  it('draws the figures as inline SVG bars and escapes every text', () => {
    const html = insightsPageBody(hostileReport(), 'da', '2026-01-01"><script>');
    expect(html).toContain('<svg class="bars"');
    expect(html).not.toMatch(/<script|<img|<a\s|\shref=/i);
    const tags = new Set([...html.matchAll(/<([a-z0-9]+)/gi)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['button', 'form', 'g', 'h1', 'h2', 'h3', 'input', 'label', 'li', 'ol', 'p', 'rect', 'section', 'strong', 'svg', 'text', 'title', 'ul']);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('2026-01-01&quot;&gt;&lt;script&gt;');
  });

  it('is served at /insights with the report from the store', async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    const { bot, recorder } = scriptedBot(store, testClock('2026-03-02T09:00:00Z'));
    await person(bot, 'anna').say('hvordan strikker man en hue med bobler');
    await recorder.flush();
    const app = express();
    playgroundMount({
      bot,
      knowledge: () => loaded.knowledge,
      guides: () => [],
      rejectedReload: () => undefined,
      logger: silentLogger(),
      insights: (since) => loadReport(store, reportKnowledge(loaded.knowledge), new Date(), since),
    })(app);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/insights?since=2026-01-01`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      const html = await response.text();
      expect(html).toContain('<h1>Indsigt</h1>');
      expect(html).toContain('aria-current="page"');
      expect(html).toContain('hvordan strikker man en hue med bobler');
      expect(html).toContain('value="2026-01-01"');
    } finally {
      server.close();
      await store.close();
    }
  });

  it('lists the answers and guides due for review, oldest first with their reviewed date (clock injected)', async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    const fixture = await loadKnowledge(join(import.meta.dirname, '..', 'fixtures', 'review-due'), loadFlowEngine);
    const { bot } = scriptedBot(store, testClock('2002-06-01T09:00:00Z'));
    const app = express();
    playgroundMount({
      bot,
      knowledge: () => fixture.knowledge,
      guides: () => [],
      rejectedReload: () => undefined,
      logger: silentLogger(),
      // 2002-06-01: the two FAQ entries (2000 and early 2001) are due, the guide (January 2002) is not
      insights: (since) => loadReport(store, reportKnowledge(fixture.knowledge), new Date('2002-06-01T09:00:00Z'), since),
    })(app);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const html = await (await fetch(`http://127.0.0.1:${port}/insights`)).text();
      const section = /<section aria-labelledby="due-for-review">(.*?)<\/section>/s.exec(html)?.[1] ?? '';
      expect(section).toContain('<h2 id="due-for-review">Til gennemgang</h2>');
      expect([...section.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1])).toEqual([
        '<strong>2000-06-15</strong> Det ældste svar (faq:aeldst)',
        '<strong>2001-03-01</strong> Et gammelt svar (faq:gammel)',
      ]);
      const english = await (await fetch(`http://127.0.0.1:${port}/insights?lang=en`)).text();
      expect(english).toContain('<h2 id="due-for-review">Due for review</h2>');
    } finally {
      server.close();
      await store.close();
    }
  });

  it('says so when nothing is due for review', () => {
    const empty = buildReport([], [], { faq: (id) => id, flow: (id) => id, outside: (id) => id, step: () => undefined, dueForReview: () => [] }, new Date('2026-03-03T00:00:00Z'));
    expect(insightsPageBody(empty, 'da', '')).toContain('Alle svar og guider er kontrolleret inden for de seneste 12 måneder.');
  });
});
