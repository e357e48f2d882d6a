import type { BenchResult } from './bench-result.ts';
import type { E2eResult } from './e2e-bench.ts';

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
/** The answer-quality targets of eval/run-eval.ts. */
const mark = (met: boolean) => (met ? '✅' : '❌');

function e2eRows(name: string, e: E2eResult): string[] {
  const detail = `${e.rounds} rounds × ${e.requestsPerRound} req, concurrency ${e.concurrency}; compiled build`;
  return [
    `| ${name}: throughput vs bare (${detail}) | ${e.throughputRatio.toFixed(2)}× (${e.ours.throughput.toFixed(0)} vs ${e.bare.throughput.toFixed(0)} req/s) | ≥ 0.8× | ${mark(e.throughputRatio >= 0.8)} |`,
    `| ${name}: p99 ack (bare: ${ms(e.bare.ackP99)}) | ${ms(e.ours.ackP99)} | < 50 ms | ${mark(e.ours.ackP99 < 50)} |`,
    `| ${name}: p99 request → reply at fake API (bare: ${ms(e.bare.replyP99)}) | ${ms(e.ours.replyP99)} | < 150 ms | ${mark(e.ours.replyP99 < 150)} |`,
    ...(e.ours.failures + e.bare.failures > 0 ? [`| ${name}: failed/unanswered requests (ours / bare) | ${e.ours.failures} / ${e.bare.failures} | 0 | ${mark(false)} |`] : []),
  ];
}

/** The benchmark's Markdown table: every figure with its target and whether it is met. */
export function reportTable(r: BenchResult): string {
  const q = r.quality;
  const quality = (name: string, f: { top1: number; top3: number; outOfDomainRejected: number }) => `| Quality, ${name}: top-1 / top-3 / out-of-domain rejected | ${pct(f.top1)} / ${pct(f.top3)} / ${pct(f.outOfDomainRejected)} | — | |`;
  const core = (name: string, c: BenchResult['core']['sqlite'] | string) =>
    typeof c === 'string' ? `| Core Bot.handle, ${name} | not run: ${c} | — | |` : `| Core Bot.handle, ${name}: turns/s, p50 / p99 (${c.turns} turns, one in flight; sources via tsx) | ${c.turnsPerSecond.toFixed(0)} turns/s, ${ms(c.p50)} / ${ms(c.p99)} | — | |`;
  const pg = r.core.postgres;
  const pgRatio = typeof pg === 'string' ? undefined : pg.turnsPerSecond / r.core.sqlite.turnsPerSecond;
  const last = r.search.at(-1);
  const first = r.search[0];
  const m = r.process.memory;
  const i = r.insights;
  return [
    `Run ${r.at} on ${r.machine.cpus} CPUs, Node ${r.machine.node}, ${r.durationS.toFixed(0)} s. Held-out set: ${q.questions.inDomain} in-domain, ${q.questions.outOfDomain} out-of-domain questions.`,
    '',
    '| Figure | Measured | Target | Met |',
    '| --- | --- | --- | --- |',
    `| Quality, ours: top-1 | ${pct(q.ours.top1)} | ≥ 90% | ${mark(q.ours.top1 >= 0.9)} |`,
    `| Quality, ours: top-3 | ${pct(q.ours.top3)} | ≥ 97% | ${mark(q.ours.top3 >= 0.97)} |`,
    `| Quality, ours: out-of-domain rejected | ${pct(q.ours.outOfDomainRejected)} | ≥ 90% | ${mark(q.ours.outOfDomainRejected >= 0.9)} |`,
    quality('plain fuse.js (defaults; any hit = confident)', q.fuse),
    quality(`MiniSearch BM25 (confident when top score ≥ ${q.bm25.threshold.toFixed(1)}, chosen on eval/dev.yaml)`, q.bm25),
    core('SQLite', r.core.sqlite),
    core('PostgreSQL', r.core.postgres),
    ...(pgRatio === undefined ? [] : [`| Core Bot.handle: PostgreSQL turns/s vs SQLite | ${pgRatio.toFixed(2)}× | ≥ 0.5× | ${mark(pgRatio >= 0.5)} |`]),
    ...e2eRows('Slack', r.slack),
    ...e2eRows('Teams', r.teams),
    ...r.search.map((s) => `| Search at ${s.entries} entries: p50 / p99 (index and topic classifier built in ${ms(s.buildMs)}; sources via tsx) | ${ms(s.p50)} / ${ms(s.p99)} | ${s === last ? 'p99 < 20 ms' : '—'} | ${s === last ? mark(s.p99 < 20) : ''} |`),
    ...(first && last && first !== last ? [`| Search growth ${first.entries} → ${last.entries} entries (p50 ×, p99 ×) | ×${(last.p50 / first.p50).toFixed(0)}, ×${(last.p99 / first.p99).toFixed(0)} | — | |`] : []),
    ...Object.entries(r.redaction.families).map(
      ([family, f]) =>
        `| Redaction of a 4,000-character adversarial ${family} input (${f.inputs} inputs × ${f.runs}; slowest: ${f.slowest}): CPU max / p99 (wall clock max / p99 at load ${r.redaction.loadAverage.toFixed(1)}) | ${ms(f.cpuMaxMs)} / ${ms(f.cpuP99Ms)} (${ms(f.maxMs)} / ${ms(f.p99Ms)}) | max < 5 ms | ${mark(f.cpuMaxMs < 5)} |`,
    ),
    `| Start to /readyz 200, compiled build (median of ${r.process.readyRuns.length}: ${r.process.readyRuns.map((x) => x.toFixed(0)).join(', ')} ms) | ${ms(r.process.readyMs)} | < 800 ms | ${mark(r.process.readyMs < 800)} |`,
    `| RSS idle, compiled build | ${r.process.idleRssMb.toFixed(0)} MB | < 110 MB | ${mark(r.process.idleRssMb < 110)} |`,
    `| RSS, compiled build, after ${m.warmTurns} warm-up + ${m.totalTurns} HTTP turns (warm ${m.warmRssMb.toFixed(0)} MB) | ${m.finalRssMb.toFixed(0)} MB (${m.growth >= 0 ? '+' : ''}${pct(m.growth)}) | growth < 10% | ${mark(m.growth < 0.1 && m.failures === 0)} |`,
    `| /healthz latency (p50/p99) while /insights is requested repeatedly with ${i.events.toLocaleString('en')} analytics events (${i.healthz.requests} /healthz answered, ${i.healthz.failed} failed; ${i.insightsRequests} /insights in ${i.seconds} s, median ${ms(i.insightsMedianMs)} each) | ${ms(i.healthz.p50)} / ${ms(i.healthz.p99)} | p99 < 50 ms | ${mark(i.healthz.p99 < 50 && i.healthz.failed === 0)} |`,
  ].join('\n');
}
