import { afterEach, describe, expect, it } from 'vitest';
import { ChatProcess, replyText } from './support/chat-process.ts';
import { CLI_STORES, type CliStore } from './support/cli-store.ts';

// The guided flows are not in the product yet (the flow engine is a stub), so this uses the other multi-turn state the
// bot keeps: the buttons it offered last, which a typed "1" picks. Once flows land, extend it to a flow's position.
for (const { name, make, enabled } of CLI_STORES) {
  describe(`restart with ${name}: a conversation survives a crash of \`chat --json\``, () => {
    let store: CliStore | undefined;
    const processes: ChatProcess[] = [];
    afterEach(async () => {
      for (const p of processes.splice(0)) if (p.alive) await p.crash();
      await store?.dispose();
    });

    it.skipIf(!enabled)('continues where it was after the process is killed and started again', { timeout: 120_000 }, async () => {
      store = await make();
      const first = new ChatProcess('restart-x', store.env);
      processes.push(first);
      const answer = await first.send('må vi blokere en borger på facebook');
      expect(replyText(answer)).toContain('Må vi blokere brugere?');
      const offered = answer.messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'choices' ? b.choices.map((c) => c.id) : [])));
      expect(offered[0]).toBe('faq:slette-kommentarer');
      await first.crash();

      const second = new ChatProcess('restart-x', store.env);
      processes.push(second);
      // "1" means the first button of the last reply, which only the stored state knows.
      expect(replyText(await second.send('1'))).toContain('Må vi slette kommentarer?');

      // A conversation without that state reads "1" differently.
      const other = new ChatProcess('restart-y', store.env);
      processes.push(other);
      expect(replyText(await other.send('1'))).not.toContain('Må vi slette kommentarer?');

      const saved = await store.inspect().loadConversation('restart-x');
      expect(saved?.version).toBe(2);
      expect(saved?.value.transcript.filter((t) => t.from === 'user').map((t) => t.text)).toEqual(['må vi blokere en borger på facebook', '1']);
    });
  });
}
