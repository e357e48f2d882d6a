import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYTICS_SECRET_SETTING } from '../../src/analytics/analytics-secret.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Report } from '../../src/report/report-types.ts';
import { runCli } from '../support/run-cli.ts';

describe('some-advisor report', () => {
  it('reports what was asked in chat, as text and as JSON, and keeps a generated secret in the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
    const env = { SQLITE_PATH: join(dir, 'db.sqlite'), DATABASE_URL: '', ANALYTICS_SECRET: '' };
    const chat = await runCli(['chat', '--json', '--user', 'anna'], 'opskrift på æblekage med kanel\nopskrift på æblekager med kanel\n', env);
    expect(chat.code).toBe(0);
    expect(existsSync(join(dir, 'analytics-secret'))).toBe(false);
    const store = new SqliteStore(env.SQLITE_PATH);
    expect((await store.getSetting(ANALYTICS_SECRET_SETTING))?.secret).toMatch(/^[0-9a-f]{64}$/);
    await store.close();
    const json = await runCli(['report', '--json'], '', env);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as Report;
    expect(report.questions.total).toBe(2);
    expect(report.questions.perPlatform).toEqual([{ label: 'console', count: 2 }]);
    expect(report.unansweredGroups).toEqual([]);
    // recipes are small talk in knowledge/outside.yaml
    expect(report.outsideAreas).toEqual([{ id: 'smalltalk', title: 'Småsnak og generel viden', count: 2 }]);
    const text = await runCli(['report', '--since', '2000-01-01'], '', env);
    expect(text.stdout).toContain('Spørgsmål: 2');
    expect(text.stdout).toMatch(/^Uden for feltet.*\n {2}2× Småsnak og generel viden \(smalltalk\)$/m);
    const later = JSON.parse((await runCli(['report', '--json', '--since', '2999-01-01'], '', env)).stdout) as Report;
    expect(later.questions.total).toBe(0);
  }, 120_000);

  it('lists the entries and flows due for review, oldest first with their reviewed date, as text and as JSON', async () => {
    // the fixture's dates are from 2000-2002, so they are due whatever day the test runs
    const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
    const env = { SQLITE_PATH: join(dir, 'db.sqlite'), KNOWLEDGE_DIR: join(import.meta.dirname, '..', 'fixtures', 'review-due') };
    const json = await runCli(['report', '--json'], '', env);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as Report).dueForReview).toEqual([
      { kind: 'faq', id: 'aeldst', title: 'Det ældste svar', reviewed: '2000-06-15' },
      { kind: 'faq', id: 'gammel', title: 'Et gammelt svar', reviewed: '2001-03-01' },
      { kind: 'flow', id: 'gammel-guide', title: 'En gammel guide', reviewed: '2002-01-01' },
    ]);
    const text = await runCli(['report'], '', env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^Til gennemgang \(påstandene sidst kontrolleret mod kilderne for mere end 12 måneder siden, ældste først\):\n {2}2000-06-15 {2}Det ældste svar \(faq:aeldst\)\n {2}2001-03-01 {2}Et gammelt svar \(faq:gammel\)\n {2}2002-01-01 {2}En gammel guide \(flow:gammel-guide\)$/m,
    );
  }, 60_000);

  it('names the step of a guide where most give up by its question, with the step id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-cli-drop-off-'));
    const env = { SQLITE_PATH: join(dir, 'db.sqlite'), DATABASE_URL: '', ANALYTICS_SECRET: '' };
    // a crisis guide started and stopped at its first question
    expect((await runCli(['chat', '--json', '--user', 'anna'], '{"flow":"crisis"}\nstop\n', env)).code).toBe(0);
    const report = JSON.parse((await runCli(['report', '--json'], '', env)).stdout) as Report;
    const crisis = report.flows.find((f) => f.flowId === 'crisis');
    expect(crisis?.dropOffStep).toBe('Hvad sker der, og hvad handler det om?');
    expect((await runCli(['report'], '', env)).stdout).toContain('flest falder fra ved "Hvad sker der, og hvad handler det om?" (cause)');
  }, 120_000);

  it('says how to write --since when it is not a date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
    const { code, stderr } = await runCli(['report', '--since', 'last week'], '', { SQLITE_PATH: join(dir, 'db.sqlite') });
    expect(code).toBe(2);
    expect(stderr).toContain('YYYY-MM-DD');
  });
});
