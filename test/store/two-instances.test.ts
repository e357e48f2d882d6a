import { afterEach, describe, expect, it } from 'vitest';
import { ChatProcess } from './support/chat-process.ts';
import { CLI_STORES, type CliStore } from './support/cli-store.ts';

// Kept small because the state keeps only the last 20 transcript lines (a user line and a reply per turn).
const BURST = 3;

// Two processes started together also migrate an empty database together (the advisory lock on PostgreSQL).
for (const { name, make, enabled } of CLI_STORES) {
  describe(`two instances on one ${name} database`, () => {
    let store: CliStore | undefined;
    const processes: ChatProcess[] = [];
    afterEach(async () => {
      for (const p of processes.splice(0)) if (p.alive) await p.crash();
      await store?.dispose();
    });

    it.skipIf(!enabled)('keep every turn sent to one conversation at the same time, once each', { timeout: 120_000 }, async () => {
      store = await make();
      const env = store.env;
      const instances = ['a', 'b'].map((label) => ({ label, chat: new ChatProcess('shared', env) }));
      processes.push(...instances.map((i) => i.chat));
      const turns = (label: string) => Array.from({ length: BURST }, (_, i) => `hvor hurtigt skal vi svare ${label}${i + 1}`);
      // A first turn each shows both processes are up; then both get a burst at the same moment.
      await Promise.all(instances.map(({ label, chat }) => chat.send(`svartid på facebook ${label}0`)));
      const replies = await Promise.all(instances.map(({ label, chat }) => chat.sendAll(turns(label))));
      for (const reply of replies.flat()) expect(reply.messages.length).toBeGreaterThan(0);
      for (const { chat } of instances) expect(await chat.end()).toBe(0);

      const saved = await store.inspect().loadConversation('shared');
      // One version per turn: no turn was lost to an overwrite, none was saved twice.
      expect(saved?.version).toBe(2 * (BURST + 1));
      const userTurns = saved?.value.transcript.filter((t) => t.from === 'user').map((t) => t.text) ?? [];
      for (const { label } of instances) {
        // Each process's own turns are all there, once, in the order it sent them.
        const isMine = (t: string) => new RegExp(` ${label}\\d+$`).test(t);
        expect(userTurns.filter(isMine)).toEqual([`svartid på facebook ${label}0`, ...turns(label)]);
      }
      expect(userTurns).toHaveLength(2 * (BURST + 1));
    });
  });
}
