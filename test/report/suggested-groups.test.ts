import { describe, expect, it } from 'vitest';
import { insightsPageBody } from '../../src/adapters/web/insights-page.ts';
import { buildReport, loadReport, reportKnowledge } from '../../src/report/build-report.ts';
import { reportText } from '../../src/report/report-text.ts';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { AnalyticsEvent } from '../../src/store/records.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { choicesOf, loaded, person, scriptedBot, testClock } from '../analytics/support/scripted-bot.ts';

describe('the report section on questions that got "Mente du …?"', () => {
  it('lists them grouped with counts and examples, with the suggestion picked, from a real conversation on SQLite', async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    try {
      const { bot, recorder } = scriptedBot(store, testClock('2026-03-02T09:00:00Z'));
      const anna = person(bot, 'anna');
      const bo = person(bot, 'bo');
      const askedBack = await anna.say('opslag');
      const choices = choicesOf(askedBack.messages);
      expect(choices.map((c) => c.id), '"opslag" gets "Mente du …?" in the knowledge').toContain('cmd:none');
      const pick = choices.find((c) => c.id.startsWith('faq:'))?.id ?? '';
      await anna.press(pick);
      await bo.say('Opslag?');
      await bo.say('hvordan strikker man en hue med bobler');
      const cara = person(bot, 'cara');
      expect(choicesOf((await cara.say('opslag kim@example.dk')).messages).map((c) => c.id)).toContain('cmd:none');
      await recorder.flush();

      const report = await loadReport(store, reportKnowledge(loaded.knowledge), new Date('2026-03-02T10:00:00Z'));
      const id = pick.slice('faq:'.length);
      const title = loaded.knowledge.faq.get(id)?.title ?? '';
      const [group] = report.suggestedGroups;
      expect(group).toMatchObject({ count: 2, labels: ['opslag'], picked: [{ kind: 'faq', id, title, count: 1 }] });
      expect(group?.examples[0]).toEqual({ text: 'opslag', picked: { kind: 'faq', id, title } });
      expect(group?.examples[1]).toEqual({ text: 'Opslag?', picked: null });
      // what is stored is redacted, and the report shows only that
      expect(report.suggestedGroups.flatMap((g) => g.examples.map((e) => e.text))).toContain('opslag [e-mail fjernet]');
      expect(reportText(report)).not.toContain('kim@example.dk');
      expect(JSON.parse(JSON.stringify(report)).suggestedGroups).toEqual(report.suggestedGroups);
      // the unanswered question is not among them
      expect(report.unansweredGroups.map((g) => g.examples)).toEqual([['hvordan strikker man en hue med bobler']]);
    } finally {
      await store.close();
    }
  });

  const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute));
  let n = 0;
  const event = (minute: number, type: string, conversation: string, payload: Record<string, unknown> = {}): AnalyticsEvent => ({
    id: String(++n),
    at: at(minute),
    type,
    payload: { conversation, ...payload },
  });
  const askedBack = (minute: number, conversation: string, text: string, ids: string[]) => [
    event(minute, 'question_asked', conversation, { text, decision: 'suggest' }),
    event(minute, 'did_you_mean_shown', conversation, { text, ids }),
  ];
  const titles = reportKnowledge(createKnowledgeBase([], []));
  const events = [
    ...askedBack(0, 'a', 'må vi bruge billeder af børn', ['faq:billeder', 'faq:boern']),
    ...askedBack(1, 'b', 'billeder af børn på facebook', ['faq:billeder', 'faq:boern']),
    event(2, 'did_you_mean_picked', 'a', { kind: 'faq', id: 'billeder' }),
    event(3, 'did_you_mean_picked', 'a', { kind: 'faq', id: 'boern' }), // only the first pick counts
    // b typed another question before picking: that pick belongs to no "Mente du" shown (a safety answer's)
    event(4, 'question_asked', 'b', { text: 'nogen vil slå mig ihjel', decision: 'suggest' }),
    event(5, 'did_you_mean_picked', 'b', { kind: 'faq', id: 'billeder' }),
    ...askedBack(6, 'c', 'live video', ['faq:video', 'flow:live']),
    event(7, 'did_you_mean_picked', 'c', { kind: 'flow', id: 'live' }),
  ];
  const report = buildReport(events, [], titles, at(30));

  it('links a pick to the latest "Mente du" of its conversation, until a question is typed, and counts the first pick only', () => {
    expect(report.suggestedGroups).toEqual([
      {
        count: 2,
        terms: ['billed', 'boern'],
        labels: ['billeder', 'børn'],
        picked: [{ kind: 'faq', id: 'billeder', title: 'billeder', count: 1 }],
        examples: [
          { text: 'må vi bruge billeder af børn', picked: { kind: 'faq', id: 'billeder', title: 'billeder' } },
          { text: 'billeder af børn på facebook', picked: null },
        ],
      },
      {
        count: 1,
        terms: ['live', 'video'],
        labels: ['live', 'video'],
        picked: [{ kind: 'flow', id: 'live', title: 'live', count: 1 }],
        examples: [{ text: 'live video', picked: { kind: 'flow', id: 'live', title: 'live' } }],
      },
    ]);
  });

  it('is printed in the text report, after "Uden for feltet"', () => {
    const text = reportText(report);
    expect(text).toContain(
      [
        '"Mente du" (spørgsmål, der fik forslag, grupperet; kandidater til nye spørgsmål på de foreslåede svar):',
        '  2× [billeder, børn]; valgt: "billeder" (faq:billeder) 1×',
        '      "må vi bruge billeder af børn" → valgte "billeder" (faq:billeder)',
        '      "billeder af børn på facebook" → intet valgt',
        '  1× [live, video]; valgt: "live" (flow:live) 1×',
        '      "live video" → valgte "live" (flow:live)',
      ].join('\n'),
    );
    expect(text.indexOf('"Mente du" (spørgsmål')).toBeGreaterThan(text.indexOf('Uden for feltet'));
  });

  it('is drawn on the Indsigt page in Danish and English', () => {
    const da = insightsPageBody(report, 'da', '');
    expect(da).toContain('<h2 id="suggested">Spørgsmål med &quot;Mente du&quot;, grupperet</h2>');
    expect(da).toContain('<li><strong>2×</strong> billeder, børn Valgt: billeder (1×).<ul><li>må vi bruge billeder af børn → valgte &quot;billeder&quot;</li><li>billeder af børn på facebook → intet valgt</li></ul></li>');
    const en = insightsPageBody(report, 'en', '');
    expect(en).toContain('<h2 id="suggested">Questions with &quot;Did you mean&quot;, grouped</h2>');
    expect(en).toContain('billeder af børn på facebook → nothing picked');
    const none = insightsPageBody(buildReport([], [], titles, at(30)), 'da', '');
    expect(none).toContain('<h2 id="suggested">Spørgsmål med &quot;Mente du&quot;, grupperet</h2><p>Ingen data endnu.</p>');
  });
});
