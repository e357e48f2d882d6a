import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { readHeldoutSet } from '../eval/heldout-set.ts';
import { loadFlowEngine } from '../src/dialogs/load-flow-engine.ts';
import { loadFaq } from '../src/knowledge/faq-loader.ts';
import { loadKnowledge } from '../src/knowledge/load-knowledge.ts';
import { loadSynonyms } from '../src/knowledge/synonyms-loader.ts';
import { FULL, QUICK, type BenchConfig } from './bench-config.ts';
import type { BenchResult } from './bench-result.ts';
import { coreBench } from './core-bench.ts';
import { e2eBench } from './e2e-bench.ts';
import { insightsBench } from './insights-bench.ts';
import { memoryBench } from './memory-bench.ts';
import { slackSender, teamsSender } from './platform-requests.ts';
import { qualityBench } from './quality-bench.ts';
import { redactionBench } from './redaction-bench.ts';
import { ReplySink } from './reply-sink.ts';
import { ReplyWaiters } from './reply-waiters.ts';
import { reportTable } from './report-table.ts';
import { searchScaleBench } from './search-scale-bench.ts';
import { spawnServer } from './spawned-server.ts';
import { startupBench } from './process-bench.ts';

/** Uncounted redactions of each adversarial input first (a long-running server has its patterns compiled and warm). */
const REDACTION_WARMUP = 20;

/** Runs every section with `config` and returns the figures; `log` gets one progress line per section. */
export async function runBench(config: BenchConfig, progress: (line: string) => void = () => undefined): Promise<BenchResult> {
  const started = performance.now();
  const log = (line: string) => progress(`${((performance.now() - started) / 1000).toFixed(1)} s: ${line}`);
  const heldout = await readHeldoutSet(join('eval', 'heldout.yaml'));
  const questions = heldout.in_domain.map((x) => x.q);
  const { knowledge } = await loadKnowledge('knowledge', loadFlowEngine);

  // First, while no server of ours runs: these are per-call maxima.
  log('redaction of adversarial inputs');
  const redaction = redactionBench(config.redactionRuns, REDACTION_WARMUP);
  log('1/6 answer quality');
  const quality = await qualityBench(knowledge, config.qualityQuestions);
  log('2/6 core (SQLite, PostgreSQL)');
  const core = await coreBench(questions, config.coreTurns, config.coreWarmup, config.postgres);
  log('5/6 search scale');
  const faq = await loadFaq(join('knowledge', 'faq'));
  const flows = await loadFlowEngine(join('knowledge', 'flows'));
  const synonyms = await loadSynonyms(join('knowledge', 'synonyms.yaml'));
  const allQuestions = [...heldout.in_domain, ...heldout.out_of_domain].map((x) => x.q);
  const search = searchScaleBench(faq.entries, flows.summaries, synonyms.synonyms, allQuestions, config.searchSizes, config.searchQueries);

  const waiters = new ReplyWaiters();
  const sink = new ReplySink((key, at) => waiters.arrived(key, at));
  await sink.start();
  log('6/6 process start (serve → /readyz)');
  const ours = await startupBench(sink.url, config.startups);
  const bare = await spawnServer(['--import', 'tsx', join('bench', 'bare-server.ts')], { SLACK_API_URL: `${sink.url}api/` });
  try {
    const text = (i: number) => (i % 5 === 1 ? 'menu' : (questions[i % questions.length] ?? 'menu'));
    const load = { waiters, rounds: config.e2eRounds, requestsPerRound: config.e2eRequestsPerRound, concurrency: config.concurrency, text };
    log('3/6 Slack end to end (ours vs bare Bolt, alternating)');
    const slack = await e2eBench({ ...load, prefix: 'D', ours: slackSender(ours.server.base), bare: slackSender(bare.base) });
    log('4/6 Teams end to end (ours vs bare Agents SDK echo, alternating)');
    const teams = await e2eBench({ ...load, prefix: 'a:', ours: teamsSender(ours.server.base, sink.url), bare: teamsSender(bare.base, sink.url) });
    await bare.stop();
    log(`6/6 memory over ${config.memoryTotalTurns} HTTP turns`);
    const senders = { slack: slackSender(ours.server.base), teams: teamsSender(ours.server.base, sink.url) };
    const memory = await memoryBench(ours.server, senders, waiters, text, config.concurrency, config.memoryWarmTurns, config.memoryTotalTurns);
    log(`/healthz while /insights is loaded (${config.insightsEvents} analytics events)`);
    const insights = await insightsBench(config.insightsEvents, config.insightsSeconds);
    return {
      at: new Date().toISOString(),
      machine: { cpus: availableParallelism(), node: process.version, platform: process.platform },
      durationS: (performance.now() - started) / 1000,
      quality,
      core,
      slack,
      teams,
      search,
      redaction,
      process: { readyMs: ours.readyMs, readyRuns: ours.readyRuns, idleRssMb: ours.idleRssMb, memory },
      insights,
    };
  } finally {
    await bare.stop();
    await ours.cleanup();
    await sink.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = process.argv.includes('--quick') ? QUICK : FULL;
  const result = await runBench(config, (line) => process.stderr.write(`bench: ${line}\n`));
  await mkdir(join('bench', 'results'), { recursive: true });
  await writeFile(join('bench', 'results', 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${reportTable(result)}\n\nWritten: bench/results/latest.json\n`);
}
