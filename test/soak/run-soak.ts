/** `npm run soak`: 2,500 warm-up turns, then 10,000 counted turns across 200 conversations (override with SOAK_TURNS, SOAK_CONVERSATIONS, SOAK_WARMUP_TURNS); exits 1 on any error or >10% live-heap growth. The per-user rate limit is raised (soak-run.ts) so every turn is real work. */
import type { MemorySample } from './memory-sample.ts';
import { runSoak } from './soak-run.ts';

const turns = Number(process.env.SOAK_TURNS ?? 10_000);
const conversations = Number(process.env.SOAK_CONVERSATIONS ?? 200);
const warmupTurns = process.env.SOAK_WARMUP_TURNS === undefined ? undefined : Number(process.env.SOAK_WARMUP_TURNS);
const result = await runSoak({ turns, conversations, concurrency: 20, deadlineMs: 15 * 60 * 1000, warmupTurns });
const { start, warm, end } = result.memory;
const line = (label: string, pick: (m: MemorySample) => number, growth: number) =>
  `${label}: start ${pick(start)} MB, after warm-up ${pick(warm)} MB, end ${pick(end)} MB (growth over the counted turns ${(growth * 100).toFixed(1)}%)`;
console.log(`soak: ${result.warmupTurns} warm-up turns, then ${result.turnsSent} turns (${result.slackTurns} Slack, ${result.teamsTurns} Teams) across ${conversations} conversations in ${(result.durationMs / 1000).toFixed(1)} s (${result.turnsPerSecond} turns/s)`);
console.log(line('live heap after gc', (m) => m.heapUsedMb, result.heapGrowth));
console.log(line('RSS', (m) => m.rssMb, result.rssGrowth));
console.log(`V8 reserved heap: start ${start.heapTotalMb} MB, after warm-up ${warm.heapTotalMb} MB, end ${end.heapTotalMb} MB`);
console.log(`errors: ${result.errors.length}${result.errors.length > 0 ? `\n  ${result.errors.slice(0, 20).join('\n  ')}` : ''}`);
process.exit(result.errors.length === 0 && result.turnsSent === turns && result.heapGrowth <= 0.1 ? 0 : 1);
