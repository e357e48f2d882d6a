/** `npm run soak`: 10,000 turns across 200 conversations (override with SOAK_TURNS, SOAK_CONVERSATIONS); exits 1 on any error or >10% RSS growth. The per-user rate limit is raised (soak-run.ts) so every turn is real work. */
import { runSoak } from './soak-run.ts';

const turns = Number(process.env.SOAK_TURNS ?? 10_000);
const conversations = Number(process.env.SOAK_CONVERSATIONS ?? 200);
const result = await runSoak({ turns, conversations, concurrency: 20, deadlineMs: 15 * 60 * 1000 });
const { start, warm, end } = result.rssMb;
console.log(`soak: ${result.turnsSent} turns (${result.slackTurns} Slack, ${result.teamsTurns} Teams) across ${conversations} conversations in ${(result.durationMs / 1000).toFixed(1)} s (${result.turnsPerSecond} turns/s)`);
console.log(`RSS: start ${start} MB, warmed up ${warm} MB, end ${end} MB (growth after warm-up ${(result.growth * 100).toFixed(1)}%)`);
console.log(`errors: ${result.errors.length}${result.errors.length > 0 ? `\n  ${result.errors.slice(0, 20).join('\n  ')}` : ''}`);
process.exit(result.errors.length === 0 && result.turnsSent === turns && result.growth <= 0.1 ? 0 : 1);
