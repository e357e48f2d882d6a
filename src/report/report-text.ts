import { REVIEW_INTERVAL_MONTHS } from '../knowledge/review-due.ts';
import { dropOffName } from './flow-funnels.ts';
import type { EntryRef, LabelledCount, Report, SuggestedGroup } from './report-types.ts';

/** What an empty section says, as on the Indsigt page. */
const NONE = 'Ingen data endnu.';
const orNone = (lines: string[], none = NONE): string[] => (lines.length > 0 ? lines : [`  ${none}`]);
const counts = (rows: readonly LabelledCount[]): string[] => orNone(rows.map((r) => `  ${r.label}: ${r.count}`));
const words = (labels: readonly string[]): string => (labels.length > 0 ? `[${labels.join(', ')}]` : '(ingen fælles ord)');
const entry = (e: EntryRef): string => `"${e.title}" (${e.kind}:${e.id})`;

/** "Mente du" groups: the words, how often each suggestion was picked, and each example with its pick. */
function suggestedLines(groups: readonly SuggestedGroup[]): string[] {
  return groups.flatMap((g) => [
    `  ${g.count}× ${words(g.labels)}; ${g.picked.length > 0 ? `valgt: ${g.picked.map((p) => `${entry(p)} ${p.count}×`).join(', ')}` : 'intet valgt'}`,
    ...g.examples.map((e) => `      "${e.text}" → ${e.picked ? `valgte ${entry(e.picked)}` : 'intet valgt'}`),
  ]);
}

/** The report as readable plain text for the terminal. */
export function reportText(report: Report): string {
  const q = report.questions;
  const lines: string[] = [
    `SoMe-rådgiveren – rapport (${report.since ? `fra ${report.since.slice(0, 10)}` : 'alle data'}, lavet ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `Spørgsmål: ${q.total} (besvaret ${q.answered}, "Mente du" ${q.suggested}, ubesvaret ${q.unanswered}, heraf uden for feltet ${q.outside})`,
    `"Mente du" vist ${report.didYouMean.shown}, valgt ${report.didYouMean.picked}`,
    'Pr. uge:',
    ...counts(q.perWeek),
    'Pr. platform:',
    ...counts(q.perPlatform),
    '',
    'Mest brugte svar:',
    ...orNone(report.topEntries.map((e) => `  ${e.count}× ${e.title} (${e.kind}:${e.id})`)),
    '',
    'Ubesvarede spørgsmål (grupperet; kandidater til nye svar):',
    ...orNone(report.unansweredGroups.flatMap((g) => [`  ${g.count}× ${words(g.labels)}`, ...g.examples.map((e) => `      "${e}"`)])),
    '',
    'Uden for feltet (afvist, pr. område i knowledge/outside.yaml; ikke med i grupperne ovenfor):',
    ...orNone(report.outsideAreas.map((a) => `  ${a.count}× ${a.title} (${a.id})`)),
    '',
    '"Mente du" (spørgsmål, der fik forslag, grupperet; kandidater til nye spørgsmål på de foreslåede svar):',
    ...orNone(suggestedLines(report.suggestedGroups)),
    '',
    'Dårligste feedback:',
    ...orNone(report.worstFeedback.flatMap((f) => [`  👎 ${f.down} 👍 ${f.up}  ${f.title} (${f.kind}:${f.id})`, ...f.comments.map((c) => `      "${c}"`)])),
    '',
    'Guides:',
    ...orNone(report.flows.flatMap((f) => [
      `  ${f.title} (${f.flowId}): startet ${f.started}, gennemført ${f.completed}, opgivet ${f.abandoned}, i gang ${f.inProgress}` +
        (f.dropOffNode ? `; flest falder fra ved ${dropOffName(f)}` : ''),
      `      nået: ${f.reached.map((r) => `${r.label} ${r.count}`).join(', ')}`,
    ])),
    '',
    `Henvendelser til konsulent: ${report.escalations.total} (overtaget ${report.escalations.claimed}, afsluttet ${report.escalations.resolved})` +
      (report.escalations.medianMinutesToClaim === null ? '' : `, median tid til overtagelse ${Math.round(report.escalations.medianMinutesToClaim)} min`),
    ...counts(report.escalations.perTopic),
    '',
    `Til gennemgang (påstandene sidst kontrolleret mod kilderne for mere end ${REVIEW_INTERVAL_MONTHS} måneder siden, ældste først):`,
    ...orNone(
      report.dueForReview.map((d) => `  ${d.reviewed ?? 'ingen dato'}  ${d.title} (${d.kind}:${d.id})`),
      `Alle svar og guider er kontrolleret inden for de seneste ${REVIEW_INTERVAL_MONTHS} måneder.`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
