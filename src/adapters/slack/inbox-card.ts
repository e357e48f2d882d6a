import type { types } from '@slack/bolt';
import type { CaseView } from '../../escalation/case-payload.ts';
import { caseFacts, transcriptLines } from '../../escalation/case-summary.ts';
import { consultantStrings } from '../../escalation/consultant-strings.ts';
import { escapeClipped } from './escape-text.ts';
import { SLACK_LIMITS as L } from './slack-limits.ts';

/** Action ids of the inbox card's buttons; their value is the case id. */
export const INBOX_ACTIONS = { claim: 'escalation-claim', resolve: 'escalation-resolve' } as const;

const SECTION_MAX = L.sectionText - 100;

/** The consultant inbox card: case number, urgency, municipality, topic, description, contact, redacted transcript and Overtag/Afslut. */
export function inboxCard(view: CaseView): { text: string; blocks: types.KnownBlock[] } {
  const s = consultantStrings('da');
  const p = view.payload;
  const title = s.inboxTitle(view.case.number, s.urgencyLabels[p.urgency]);
  const status =
    view.case.status === 'claimed' ? s.inboxClaimed(p.claimedBy ?? '?') : view.case.status === 'resolved' ? s.inboxResolved(p.resolvedBy ?? '?') : undefined;
  const buttons: types.Button[] = [];
  if (view.case.status === 'new') {
    buttons.push({ type: 'button', action_id: INBOX_ACTIONS.claim, value: view.case.id, style: 'primary', text: { type: 'plain_text', text: s.claimButton } });
  }
  if (view.case.status !== 'resolved') {
    buttons.push({ type: 'button', action_id: INBOX_ACTIONS.resolve, value: view.case.id, text: { type: 'plain_text', text: s.resolveButton } });
  }
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: title.slice(0, L.headerText) } },
    { type: 'section', fields: caseFacts(view, 'da').slice(1).map((f) => ({ type: 'mrkdwn' as const, text: escapeClipped(`${f.label}: ${f.value}`, L.fieldText) })) },
    { type: 'section', text: { type: 'mrkdwn', text: escapeClipped(`${s.description}:\n${p.description}`, SECTION_MAX) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeClipped(`${s.transcript}:\n${transcriptLines(view, 'da').join('\n')}`, SECTION_MAX) }] },
  ];
  if (status) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeClipped(status, 300) }] });
  if (view.case.status !== 'resolved') blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeClipped(s.slackReplyHint, 300) }] });
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: `inbox:${view.case.id}`, elements: buttons });
  return { text: `${title}${status ? ` – ${status}` : ''}`, blocks };
}
