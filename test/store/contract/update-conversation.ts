import { describe, expect, it } from 'vitest';
import { VersionConflictError } from '../../../src/store/store.ts';
import { updateConversation } from '../../../src/store/update-conversation.ts';
import type { ContractContext } from '../store-contract.ts';

function say(text: string) {
  return { at: '2026-03-01T10:00:00.000Z', from: 'user' as const, text };
}

/** updateConversation: load, apply, save; reload and re-apply on a conflict. */
export function updateConversationContract(ctx: ContractContext): void {
  describe('updateConversation', () => {
    it('starts from an empty state and saves what the turn changed', async () => {
      const store = await ctx.migrated();
      const update = await updateConversation(store, 'c1', (state) => {
        state.transcript.push(say('hej'));
        return 'svar';
      });
      expect(update).toMatchObject({ result: 'svar', version: 1 });
      expect((await store.loadConversation('c1'))?.value.transcript).toEqual([say('hej')]);
    });

    it('re-applies the turn on top of a write that slipped in, so neither is lost', async () => {
      const [a, b] = [await ctx.migrated(), await ctx.migrated()];
      await updateConversation(a, 'c1', (s) => void s.transcript.push(say('first')));
      let calls = 0;
      const update = await updateConversation(a, 'c1', async (state) => {
        calls++;
        // On the first attempt another instance writes between our load and our save.
        if (calls === 1) await updateConversation(b, 'c1', (s) => void s.transcript.push(say('other')));
        state.transcript.push(say('mine'));
        return calls;
      });
      expect(update.result).toBe(2);
      expect(update.version).toBe(3);
      expect((await b.loadConversation('c1'))?.value.transcript.map((t) => t.text)).toEqual(['first', 'other', 'mine']);
    });

    it('gives up with VersionConflictError after maxAttempts and writes nothing of its own', async () => {
      const [a, b] = [await ctx.migrated(), await ctx.migrated()];
      let calls = 0;
      const attempt = updateConversation(
        a,
        'c1',
        async (state) => {
          calls++;
          await updateConversation(b, 'c1', (s) => void s.transcript.push(say(`other ${calls}`)));
          state.transcript.push(say('mine'));
        },
        3,
      );
      await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
      expect(calls).toBe(3);
      expect((await a.loadConversation('c1'))?.value.transcript.map((t) => t.text)).toEqual(['other 1', 'other 2', 'other 3']);
    });

    it('keeps every turn when two instances update one conversation concurrently', async () => {
      const [a, b] = [await ctx.migrated(), await ctx.migrated()];
      const turns = Array.from({ length: 12 }, (_, i) => `turn ${i}`);
      await Promise.all(
        turns.map((text, i) =>
          updateConversation(i % 2 === 0 ? a : b, 'shared', async (state) => {
            await new Promise((r) => setTimeout(r, 1));
            state.transcript.push(say(text));
          }, 50),
        ),
      );
      const saved = await a.loadConversation('shared');
      expect(saved?.version).toBe(turns.length);
      expect(saved?.value.transcript.map((t) => t.text).sort()).toEqual([...turns].sort());
    });
  });
}
