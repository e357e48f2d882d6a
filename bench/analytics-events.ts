import type { NewAnalyticsEvent } from '../src/store/records.ts';
import type { Store } from '../src/store/store.ts';

const WORDS = ['facebook', 'opslag', 'kommentar', 'borger', 'slette', 'instagram', 'tiktok', 'politik', 'valg', 'presse', 'billede', 'video', 'annonce', 'krise', 'live', 'chat', 'gdpr', 'linkedin', 'youtube', 'profil'];
const FAQ_IDS = ['slette-kommentarer', 'kritiske-borgere', 'billeder-af-borgere', 'valgkamp', 'annoncering', 'tiktok', 'shitstorm', 'live-video'];
const FLOW_NODES = ['start', 'q1', 'q2', 'q3', 'outcome'];
const CHUNK = 5000;

/** One of 300 made-up words, so unanswered questions fall into many groups as real ones do. */
function rareWord(i: number): string {
  return `emne${(Math.imul(Math.floor(i / 10), 2654435761) >>> 7) % 300}`;
}

/**
 * A realistic mix of analytics events over the last 90 days (`i` numbers it): questions (half answered), unanswered
 * questions with varied wording, "Mente du", flow runs and feedback, from 2,000 pseudonymous users on two platforms.
 */
export function analyticsEvent(i: number, now: number): NewAnalyticsEvent {
  const at = new Date(now - 90 * 86_400_000 + Math.floor((i / 250_000) * 90 * 86_400_000) + (i % 1000));
  const user = `u${i % 2000}`;
  const base = { user, conversation: `c${i % 5000}`, platform: i % 3 === 0 ? 'teams' : 'slack' };
  const word = (k: number) => WORDS[(i * 7 + k * 13) % WORDS.length] ?? 'facebook';
  const faq = FAQ_IDS[i % FAQ_IDS.length] ?? 'shitstorm';
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
      return { type: 'question_asked', at, payload: { ...base, text: `må vi ${word(1)} ${word(2)}`, topKind: 'faq', topId: faq, score: 0.9, confident: true, decision: 'answer' } };
    case 3:
      return { type: 'question_asked', at, payload: { ...base, text: `${word(3)} ${word(4)} nr ${i % 9000}`, confident: false, decision: 'none' } };
    case 4:
      return { type: 'no_answer', at, payload: { ...base, text: `${word(3)} ${rareWord(i)} ${rareWord(i >> 3)}` } };
    case 5:
      return { type: 'did_you_mean_shown', at, payload: { ...base, text: word(6), ids: [`faq:${faq}`] } };
    case 6:
      return { type: 'flow_started', at, payload: { ...base, flowId: 'shitstorm', nodeId: 'start' } };
    case 7:
      return { type: 'flow_step', at, payload: { ...base, flowId: 'shitstorm', nodeId: FLOW_NODES[(i >> 4) % FLOW_NODES.length] ?? 'q1' } };
    case 8:
      return { type: 'feedback', at, payload: { ...base, vote: i % 3 === 0 ? 'down' : 'up', target: { kind: 'faq', id: faq } } };
    default:
      return { type: 'feedback_comment', at, payload: { ...base, text: `manglede noget om ${word(7)}`, target: { kind: 'faq', id: faq } } };
  }
}

/** Writes `count` generated analytics events straight into the store, in chunks (one transaction per chunk on SQLite). */
export async function generateAnalyticsEvents(store: Store, count: number, now = Date.now()): Promise<void> {
  for (let start = 0; start < count; start += CHUNK) {
    const writes: Promise<unknown>[] = [];
    for (let i = start; i < Math.min(count, start + CHUNK); i++) writes.push(store.appendAnalyticsEvent(analyticsEvent(i, now)));
    await Promise.all(writes);
  }
}
