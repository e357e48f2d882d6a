import type { CaseView } from '../../escalation/case-payload.ts';
import { caseFacts, transcriptLines } from '../../escalation/case-summary.ts';
import { consultantStrings } from '../../escalation/consultant-strings.ts';
import type { AdaptiveCard, CardElement, SubmitAction } from './adaptive-card.ts';
import { escapeTeamsText } from './teams-markdown.ts';

/** What an inbox button asks for. */
export type InboxAction = 'claim' | 'resolve';

/** The key of an inbox button's submit data (a choice or form submit never carries it). */
const INBOX_KEY = 'inbox';

/** Text is clipped so the whole card stays well under Teams' message size limit. */
const MAX_DESCRIPTION = 3000;
const MAX_TRANSCRIPT = 12_000;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Keeps the most recent transcript lines that fit in `max` characters. */
function latestLines(lines: string[], max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const line of [...lines].reverse()) {
    if (length + line.length + 1 > max) break;
    kept.unshift(line);
    length += line.length + 1;
  }
  return (kept.length < lines.length ? ['…', ...kept] : kept).join('\n');
}

function button(title: string, action: InboxAction, caseId: string, style?: SubmitAction['style']): SubmitAction {
  return { type: 'Action.Submit', title, data: { [INBOX_KEY]: action, caseId }, ...(style ? { style } : {}) };
}

/** The consultant inbox card (Adaptive Card 1.5): case number, urgency, municipality, topic, description, contact, redacted transcript and Overtag/Afslut. */
export function inboxCard(view: CaseView): AdaptiveCard {
  const s = consultantStrings('da');
  const p = view.payload;
  const title = s.inboxTitle(view.case.number, s.urgencyLabels[p.urgency]);
  const status =
    view.case.status === 'claimed' ? s.inboxClaimed(p.claimedBy ?? '?') : view.case.status === 'resolved' ? s.inboxResolved(p.resolvedBy ?? '?') : undefined;
  const actions: SubmitAction[] = [];
  if (view.case.status === 'new') actions.push(button(s.claimButton, 'claim', view.case.id, 'positive'));
  if (view.case.status !== 'resolved') actions.push(button(s.resolveButton, 'resolve', view.case.id));
  const body: CardElement[] = [
    { type: 'TextBlock', text: escapeTeamsText(title), wrap: true, size: 'Medium', weight: 'Bolder', ...(p.urgency === 'urgent' ? { color: 'Attention' as const } : {}) },
    { type: 'FactSet', facts: caseFacts(view, 'da').map((f) => ({ title: escapeTeamsText(f.label), value: escapeTeamsText(f.value) })) },
    { type: 'TextBlock', text: escapeTeamsText(s.description), wrap: true, weight: 'Bolder', separator: true },
    { type: 'TextBlock', text: escapeTeamsText(clip(p.description, MAX_DESCRIPTION)), wrap: true },
    { type: 'TextBlock', text: escapeTeamsText(s.transcript), wrap: true, weight: 'Bolder', separator: true },
    { type: 'TextBlock', text: escapeTeamsText(latestLines(transcriptLines(view, 'da'), MAX_TRANSCRIPT)), wrap: true, size: 'Small', isSubtle: true },
  ];
  if (status) body.push({ type: 'TextBlock', text: escapeTeamsText(status), wrap: true, weight: 'Bolder', color: 'Good', separator: true });
  if (view.case.status !== 'resolved') body.push({ type: 'TextBlock', text: escapeTeamsText(s.teamsReplyHint), wrap: true, size: 'Small', isSubtle: true });
  if (actions.length > 0) body.push({ type: 'ActionSet', actions });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    fallbackText: `${title}${status ? ` – ${status}` : ''}`,
    lang: 'da',
  };
}

/** Reads an inbox button's submit data back; undefined for any other submit. */
export function readInboxSubmit(value: unknown): { action: InboxAction; caseId: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const data = value as Record<string, unknown>;
  const action = data[INBOX_KEY];
  if ((action !== 'claim' && action !== 'resolve') || typeof data.caseId !== 'string' || data.caseId === '') return undefined;
  return { action, caseId: data.caseId };
}
