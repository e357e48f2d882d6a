import { REVIEW_INTERVAL_MONTHS } from '../knowledge/review-due.ts';
import type { LabelledCount, Report } from './report-types.ts';

const counts = (rows: readonly LabelledCount[]): string[] => rows.map((r) => `  ${r.label}: ${r.count}`);

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
    ...report.topEntries.map((e) => `  ${e.count}× ${e.title} (${e.kind}:${e.id})`),
    '',
    'Ubesvarede spørgsmål (grupperet; kandidater til nye svar):',
    ...report.unansweredGroups.flatMap((g) => [`  ${g.count}× ${g.labels.length > 0 ? `[${g.labels.join(', ')}]` : '(ingen fælles ord)'}`, ...g.examples.map((e) => `      "${e}"`)]),
    '',
    'Uden for feltet (afvist, pr. område i knowledge/outside.yaml; ikke med i grupperne ovenfor):',
    ...report.outsideAreas.map((a) => `  ${a.count}× ${a.title} (${a.id})`),
    '',
    'Dårligste feedback:',
    ...report.worstFeedback.flatMap((f) => [`  👎 ${f.down} 👍 ${f.up}  ${f.title} (${f.kind}:${f.id})`, ...f.comments.map((c) => `      "${c}"`)]),
    '',
    'Guides:',
    ...report.flows.flatMap((f) => [
      `  ${f.title} (${f.flowId}): startet ${f.started}, gennemført ${f.completed}, opgivet ${f.abandoned}, i gang ${f.inProgress}` +
        (f.dropOffNode ? `; flest falder fra ved "${f.dropOffNode}"` : ''),
      `      nået: ${f.reached.map((r) => `${r.label} ${r.count}`).join(', ')}`,
    ]),
    '',
    `Henvendelser til konsulent: ${report.escalations.total} (overtaget ${report.escalations.claimed}, afsluttet ${report.escalations.resolved})` +
      (report.escalations.medianMinutesToClaim === null ? '' : `, median tid til overtagelse ${Math.round(report.escalations.medianMinutesToClaim)} min`),
    ...counts(report.escalations.perTopic),
    '',
    `Til gennemgang (påstandene sidst kontrolleret mod kilderne for mere end ${REVIEW_INTERVAL_MONTHS} måneder siden, ældste først):`,
    ...report.dueForReview.map((d) => `  ${d.reviewed ?? 'ingen dato'}  ${d.title} (${d.kind}:${d.id})`),
  ];
  return `${lines.join('\n')}\n`;
}
