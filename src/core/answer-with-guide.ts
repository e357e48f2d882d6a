import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { SearchHit } from '../knowledge/search-document.ts';

/** A hit this share of the top score or more is "close" to it: an entry beside a guide, or a guide beside an entry. */
export const CLOSE_SHARE = 0.7;

/** What a confident question is answered with: an FAQ entry, and the guide offered beside it (if any). */
export interface EntryWithGuide {
  entryId: string;
  guideId?: string;
}

/**
 * The entry to answer a confident question with when a guide is among the close hits, and the guide to offer beside
 * it. A guide on top is answered with the closest entry that belongs to it (its `flow`) or to no other guide, so the
 * user gets the answer at once and the guide as a button; an entry on top without a guide of its own gets a close
 * guide beside it. Undefined when the top hit stands alone (a guide with no close entry is offered by itself).
 */
export function answerWithGuide(results: readonly SearchHit[], knowledge: KnowledgeBase): EntryWithGuide | undefined {
  const [top] = results;
  if (!top) return undefined;
  const close = results.filter((hit) => hit.score >= top.score * CLOSE_SHARE);
  if (top.kind === 'flow') {
    const entries = close.filter((hit) => hit.kind === 'faq');
    const own = entries.find((hit) => knowledge.faq.get(hit.id)?.flow === top.id);
    const free = entries.find((hit) => knowledge.faq.get(hit.id)?.flow === undefined);
    const entry = own ?? free;
    return entry ? { entryId: entry.id, guideId: top.id } : undefined;
  }
  const ownGuide = knowledge.faq.get(top.id)?.flow;
  if (ownGuide) return undefined;
  const guide = close.find((hit) => hit.kind === 'flow');
  return guide ? { entryId: top.id, guideId: guide.id } : undefined;
}
