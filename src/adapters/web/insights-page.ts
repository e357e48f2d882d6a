import type { Locale } from '../../shared/locale.ts';
import { dropOffName } from '../../report/flow-funnels.ts';
import type { Report } from '../../report/report-types.ts';
import { escapeHtml } from './escape-html.ts';
import { svgBars } from './svg-bars.ts';

const TEXT = {
  da: {
    heading: 'Indsigt',
    intro: 'Hvad kommunerne spørger om, hvad der ikke bliver besvaret, hvilke svar der får 👎, og hvor guiderne taber folk. Samme tal som `some-advisor report`.',
    sinceLabel: 'Fra dato',
    show: 'Vis',
    questions: (total: number, answered: number, suggested: number, unanswered: number, outside: number) =>
      `${total} spørgsmål: ${answered} besvaret, ${suggested} med "Mente du", ${unanswered} ubesvaret (heraf ${outside} uden for feltet).`,
    perWeek: 'Spørgsmål pr. uge',
    perPlatform: 'Spørgsmål pr. platform',
    topEntries: 'Mest brugte svar',
    unanswered: 'Ubesvarede spørgsmål, grupperet',
    unansweredIntro: 'Kandidater til nye svar. Spørgsmål, som et område uden for feltet afviste, står under Uden for feltet.',
    suggested: 'Spørgsmål med "Mente du", grupperet',
    suggestedIntro: 'Spørgsmål, der fik forslag i stedet for et svar: kandidater til nye spørgsmål på de foreslåede svar. Med det forslag, brugeren valgte.',
    pickedFrom: (picks: string) => `Valgt: ${picks}.`,
    picked: (title: string) => `valgte "${title}"`,
    nonePicked: 'intet valgt',
    outside: 'Uden for feltet',
    outsideIntro: 'Spørgsmål, der blev afvist, fordi de hører til et område, rådgiveren ikke dækker (knowledge/outside.yaml), pr. område.',
    worstFeedback: 'Svar med flest 👎 (👎 minus 👍)',
    comments: 'Kommentarer',
    flows: 'Guider: hvor mange nåede hvert trin',
    flowSummary: (started: number, completed: number, abandoned: number, drop: string | null) =>
      `Startet ${started}, gennemført ${completed}, opgivet ${abandoned}${drop ? `. Flest falder fra ved ${drop}.` : '.'}`,
    escalations: 'Henvendelser til konsulent pr. emne',
    medianClaim: (minutes: number | null) => (minutes === null ? 'Ingen henvendelser er overtaget endnu.' : `Median tid til overtagelse: ${Math.round(minutes)} min.`),
    none: 'Ingen data endnu.',
    due: 'Til gennemgang',
    dueIntro: 'Svar og guider, hvis påstande sidst blev kontrolleret mod kilderne for mere end 12 måneder siden, ældste først. Kontrollér dem, og ret datoen i feltet reviewed.',
    noDate: 'ingen dato',
    noneDue: 'Alle svar og guider er kontrolleret inden for de seneste 12 måneder.',
  },
  en: {
    heading: 'Insights',
    intro: 'What municipalities ask, what goes unanswered, which answers get 👎 and where the guides lose people. The same figures as `some-advisor report`.',
    sinceLabel: 'From date',
    show: 'Show',
    questions: (total: number, answered: number, suggested: number, unanswered: number, outside: number) =>
      `${total} questions: ${answered} answered, ${suggested} with "Did you mean", ${unanswered} unanswered (${outside} of them outside the field).`,
    perWeek: 'Questions per week',
    perPlatform: 'Questions per platform',
    topEntries: 'Most used answers',
    unanswered: 'Unanswered questions, grouped',
    unansweredIntro: 'Candidates for new entries. Questions an area outside the field turned away are under Outside the field.',
    suggested: 'Questions with "Did you mean", grouped',
    suggestedIntro: 'Questions that got suggestions instead of an answer: candidates for new questions on the suggested entries. With the suggestion the user picked.',
    pickedFrom: (picks: string) => `Picked: ${picks}.`,
    picked: (title: string) => `picked "${title}"`,
    nonePicked: 'nothing picked',
    outside: 'Outside the field',
    outsideIntro: 'Questions turned away because they belong to an area the assistant does not cover (knowledge/outside.yaml), per area.',
    worstFeedback: 'Answers with the most 👎 (👎 minus 👍)',
    comments: 'Comments',
    flows: 'Guides: how many reached each step',
    flowSummary: (started: number, completed: number, abandoned: number, drop: string | null) =>
      `Started ${started}, completed ${completed}, abandoned ${abandoned}${drop ? `. Most drop off at ${drop}.` : '.'}`,
    escalations: 'Consultant requests per topic',
    medianClaim: (minutes: number | null) => (minutes === null ? 'No request has been claimed yet.' : `Median time to claim: ${Math.round(minutes)} min.`),
    none: 'No data yet.',
    due: 'Due for review',
    dueIntro: 'Answers and guides whose claims were last checked against their sources more than 12 months ago, oldest first. Check them and update their reviewed date.',
    noDate: 'no date',
    noneDue: 'Every answer and guide was checked within the last 12 months.',
  },
} as const;

function section(id: string, heading: string, content: string, none: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(heading)}</h2>${content || `<p>${escapeHtml(none)}</p>`}</section>`;
}

/** The "Indsigt" page body: the report's figures as server-rendered SVG bar charts, every text escaped. */
export function insightsPageBody(report: Report, locale: Locale, sinceValue: string, chosen?: Locale): string {
  const t = TEXT[locale];
  const q = report.questions;
  const lang = chosen ? `<input type="hidden" name="lang" value="${chosen}">` : '';
  const form = `<form method="get" action="/insights" class="insights-filter"><label for="since">${escapeHtml(t.sinceLabel)}</label> <input id="since" name="since" type="date" value="${escapeHtml(
    sinceValue,
  )}">${lang} <button type="submit">${escapeHtml(t.show)}</button></form>`;
  const bars = (title: string, rows: readonly { label: string; count: number }[]) => svgBars(title, rows.map((r) => ({ label: r.label, value: r.count })));
  const unanswered = report.unansweredGroups
    .slice(0, 10)
    .map((g) => `<li><strong>${g.count}×</strong> ${escapeHtml(g.labels.join(', '))}<ul>${g.examples.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul></li>`)
    .join('');
  const suggested = report.suggestedGroups
    .slice(0, 10)
    .map((g) => {
      const picks = g.picked.length > 0 ? ` ${escapeHtml(t.pickedFrom(g.picked.map((p) => `${p.title} (${p.count}×)`).join(', ')))}` : '';
      const examples = g.examples.map((e) => `<li>${escapeHtml(`${e.text} → ${e.picked ? t.picked(e.picked.title) : t.nonePicked}`)}</li>`).join('');
      return `<li><strong>${g.count}×</strong> ${escapeHtml(g.labels.join(', '))}${picks}<ul>${examples}</ul></li>`;
    })
    .join('');
  const feedback = report.worstFeedback.slice(0, 10);
  const comments = feedback
    .filter((f) => f.comments.length > 0)
    .map((f) => `<li>${escapeHtml(f.title)}<ul>${f.comments.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul></li>`)
    .join('');
  const flows = report.flows
    .map(
      (f) =>
        `<h3>${escapeHtml(f.title)}</h3><p>${escapeHtml(t.flowSummary(f.started, f.completed, f.abandoned, dropOffName(f)))}</p>${bars(`${t.flows}: ${f.title}`, f.reached)}`,
    )
    .join('');
  const due = report.dueForReview
    .map((d) => `<li><strong>${escapeHtml(d.reviewed ?? t.noDate)}</strong> ${escapeHtml(d.title)} (${escapeHtml(`${d.kind}:${d.id}`)})</li>`)
    .join('');
  return [
    `<h1>${escapeHtml(t.heading)}</h1><p>${escapeHtml(t.intro)}</p>${form}<p>${escapeHtml(t.questions(q.total, q.answered, q.suggested, q.unanswered, q.outside))}</p>`,
    section('per-week', t.perWeek, bars(t.perWeek, q.perWeek), t.none),
    section('per-platform', t.perPlatform, bars(t.perPlatform, q.perPlatform), t.none),
    section('top-entries', t.topEntries, bars(t.topEntries, report.topEntries.map((e) => ({ label: e.title, count: e.count }))), t.none),
    section('unanswered', t.unanswered, unanswered ? `<p>${escapeHtml(t.unansweredIntro)}</p><ol>${unanswered}</ol>` : '', t.none),
    section(
      'outside',
      t.outside,
      report.outsideAreas.length > 0 ? `<p>${escapeHtml(t.outsideIntro)}</p>${bars(t.outside, report.outsideAreas.map((a) => ({ label: a.title, count: a.count })))}` : '',
      t.none,
    ),
    section('suggested', t.suggested, suggested ? `<p>${escapeHtml(t.suggestedIntro)}</p><ol>${suggested}</ol>` : '', t.none),
    section(
      'worst-feedback',
      t.worstFeedback,
      feedback.length > 0 ? `${svgBars(t.worstFeedback, feedback.map((f) => ({ label: f.title, value: f.down - f.up })))}${comments ? `<h3>${escapeHtml(t.comments)}</h3><ul>${comments}</ul>` : ''}` : '',
      t.none,
    ),
    section('flows', t.flows, flows, t.none),
    section('escalations', t.escalations, report.escalations.total > 0 ? `${bars(t.escalations, report.escalations.perTopic)}<p>${escapeHtml(t.medianClaim(report.escalations.medianMinutesToClaim))}</p>` : '', t.none),
    section('due-for-review', t.due, due ? `<p>${escapeHtml(t.dueIntro)}</p><ol>${due}</ol>` : '', t.noneDue),
].join('\n');
}
