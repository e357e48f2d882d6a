import { describe, expect, it } from 'vitest';
import type { ConversationState } from '../../../src/shared/conversation-state.ts';
import { VersionConflictError } from '../../../src/store/store.ts';
import type { ContractContext } from '../store-contract.ts';

/** A state that uses every part of ConversationState, with Danish text. */
export function sampleState(text = 'Hvordan svarer vi en kritisk borger på Facebook? Æ Ø Å'): ConversationState {
  return {
    locale: 'da',
    activeChoices: ['ja', 'nej'],
    lastTopic: { kind: 'flow', id: 'platform-choice', title: 'Skal vi være på TikTok?' },
    flow: {
      flowId: 'platform-choice',
      nodeId: 'audience',
      vars: { budget: 3, young: true, name: 'Kommune' },
      history: [{ nodeId: 'start', vars: {} }],
      answers: { start: 'ja' },
      notes: { reasons: ['Unge bruger platformen'], checklist: ['Lav en redaktionel plan'] },
      flowVersion: 'sha-1',
    },
    form: { formId: 'escalation', values: { topic: 'Shitstorm', urgent: true }, pendingField: 'email' },
    transcript: [{ at: '2026-03-01T10:00:00.000Z', from: 'user', text }],
  };
}

/** Conversation state: round trip and optimistic concurrency. */
export function conversationsContract(ctx: ContractContext): void {
  describe('conversation state', () => {
    it('returns null for a conversation it has never seen', async () => {
      const store = await ctx.migrated();
      expect(await store.loadConversation('nobody')).toBeNull();
    });

    it('stores a first version, then increments it on each write, returning the state unchanged', async () => {
      const store = await ctx.migrated();
      const state = sampleState();
      expect(await store.saveConversation('c1', state, null)).toBe(1);
      expect(await store.loadConversation('c1')).toEqual({ value: state, version: 1 });
      const next = { ...state, activeChoices: [] };
      expect(await store.saveConversation('c1', next, 1)).toBe(2);
      expect(await store.loadConversation('c1')).toEqual({ value: next, version: 2 });
    });

    it('keeps conversations apart', async () => {
      const store = await ctx.migrated();
      await store.saveConversation('a', sampleState('a'), null);
      await store.saveConversation('b', sampleState('b'), null);
      expect((await store.loadConversation('a'))?.value.transcript[0]?.text).toBe('a');
      expect((await store.loadConversation('b'))?.value.transcript[0]?.text).toBe('b');
    });

    it('rejects a write with a stale version and keeps the newer state', async () => {
      const store = await ctx.migrated();
      await store.saveConversation('c1', sampleState('first'), null);
      await store.saveConversation('c1', sampleState('second'), 1);
      const stale = store.saveConversation('c1', sampleState('stale'), 1);
      await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
      await expect(stale).rejects.toThrow(/reload and re-apply/);
      expect(await store.loadConversation('c1')).toEqual({ value: sampleState('second'), version: 2 });
    });

    it('rejects a first insert when the conversation already exists', async () => {
      const store = await ctx.migrated();
      await store.saveConversation('c1', sampleState('first'), null);
      await expect(store.saveConversation('c1', sampleState('again'), null)).rejects.toBeInstanceOf(VersionConflictError);
      expect((await store.loadConversation('c1'))?.value.transcript[0]?.text).toBe('first');
    });

    it('rejects an update of a conversation that does not exist', async () => {
      const store = await ctx.migrated();
      await expect(store.saveConversation('ghost', sampleState(), 3)).rejects.toBeInstanceOf(VersionConflictError);
      expect(await store.loadConversation('ghost')).toBeNull();
    });

    it('lets only one of two instances win a concurrent first insert', async () => {
      const [a, b] = [await ctx.migrated(), await ctx.migrated()];
      const results = await Promise.allSettled([
        a.saveConversation('c1', sampleState('from a'), null),
        b.saveConversation('c1', sampleState('from b'), null),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const [loser] = results.filter((r) => r.status === 'rejected');
      expect(loser?.reason).toBeInstanceOf(VersionConflictError);
      const winner = results[0]?.status === 'fulfilled' ? 'from a' : 'from b';
      expect(await a.loadConversation('c1')).toEqual({ value: sampleState(winner), version: 1 });
    });

    it('lets only one of two instances win concurrent updates from the same version', async () => {
      const [a, b] = [await ctx.migrated(), await ctx.migrated()];
      await a.saveConversation('c1', sampleState('base'), null);
      for (let round = 1; round <= 5; round++) {
        const results = await Promise.allSettled([
          a.saveConversation('c1', sampleState(`a${round}`), round),
          b.saveConversation('c1', sampleState(`b${round}`), round),
        ]);
        const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i === 0 ? `a${round}` : `b${round}`] : []));
        expect(won).toHaveLength(1);
        expect(results.find((r) => r.status === 'rejected')?.reason).toBeInstanceOf(VersionConflictError);
        expect(await b.loadConversation('c1')).toEqual({ value: sampleState(won[0]), version: round + 1 });
      }
    });
  });
}
