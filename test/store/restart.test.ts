import { afterEach, describe, expect, it } from 'vitest';
import { ChatProcess, replyText } from './support/chat-process.ts';
import { CLI_STORES, type CliStore } from './support/cli-store.ts';

const FLOW = 'store-test-guide';
const step = (node: string, choice: string) => ({ action: `step:${FLOW}:${node}:${choice}` });

for (const { name, make, enabled } of CLI_STORES) {
  describe(`restart with ${name}: a conversation survives a crash of \`chat --json\``, () => {
    let store: CliStore | undefined;
    const processes: ChatProcess[] = [];
    afterEach(async () => {
      for (const p of processes.splice(0)) if (p.alive) await p.crash();
      await store?.dispose();
    });

    it.skipIf(!enabled)('continues a flow where it was after the process is killed and started again', { timeout: 120_000 }, async () => {
      store = await make();
      const first = new ChatProcess('restart-x', store.env);
      processes.push(first);
      expect((await first.send({ flow: FLOW })).flow).toEqual({ id: FLOW, node: 'audience', outcome: false });
      expect((await first.send(step('audience', 'young'))).flow).toEqual({ id: FLOW, node: 'time', outcome: false });
      await first.crash();

      const second = new ChatProcess('restart-x', store.env);
      processes.push(second);
      const outcome = await second.send(step('time', 'yes'));
      expect(outcome.flow).toEqual({ id: FLOW, node: 'go', outcome: true });
      // The reason collected by the answer given before the crash is part of the advice.
      expect(replyText(outcome)).toContain('De unge er den valgte målgruppe.');

      // A conversation that never reached that question treats the button as stale.
      const other = new ChatProcess('restart-y', store.env);
      processes.push(other);
      expect((await other.send(step('time', 'yes'))).flow).toBeNull();

      const saved = await store.inspect().loadConversation('restart-x');
      expect(saved?.version).toBe(3);
      expect(saved?.value.flow).toMatchObject({ flowId: FLOW, nodeId: 'go', vars: { young: true } });
    });
  });
}
