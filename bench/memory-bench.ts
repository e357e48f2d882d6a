import { runRound } from './load-round.ts';
import type { SendMessage } from './platform-requests.ts';
import type { ReplyWaiters } from './reply-waiters.ts';
import type { SpawnedServer } from './spawned-server.ts';

/** Resident memory after warm-up and after the long run, and the growth between them (a share). */
export interface MemoryResult {
  warmTurns: number;
  totalTurns: number;
  warmRssMb: number;
  finalRssMb: number;
  growth: number;
  failures: number;
}

const BLOCK = 1000;
const SETTLE_MS = 1000;

/**
 * Sends `warmTurns` and then `totalTurns` more turns through HTTP (Slack and Teams blocks alternating, many
 * conversations and users) and reads the server's RSS after each, once it has settled for a second.
 */
export async function memoryBench(server: SpawnedServer, senders: { slack: SendMessage; teams: SendMessage }, waiters: ReplyWaiters, text: (i: number) => string, concurrency: number, warmTurns: number, totalTurns: number): Promise<MemoryResult> {
  let failures = 0;
  let block = 0;
  const drive = async (turns: number) => {
    for (let done = 0; done < turns; done += BLOCK) {
      const platform = block % 2 === 0 ? 'slack' : 'teams';
      const result = await runRound({ send: senders[platform], waiters, prefix: `DMEM${block}`, requests: Math.min(BLOCK, turns - done), concurrency, text, users: 200 });
      failures += result.failures;
      block += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return server.rssMb();
  };
  const warmRssMb = await drive(warmTurns);
  const finalRssMb = await drive(totalTurns);
  return { warmTurns, totalTurns, warmRssMb, finalRssMb, growth: finalRssMb / warmRssMb - 1, failures };
}
