/** How much work each section does; `FULL` is `npm run bench`, `QUICK` is the smoke test. */
export interface BenchConfig {
  /** Held-out questions of each kind (in-domain, out-of-domain) used for answer quality. */
  qualityQuestions: number;
  /** Bot.handle turns per store (after `coreWarmup` turns that are not counted). */
  coreTurns: number;
  coreWarmup: number;
  /** In-flight requests during the Slack and Teams rounds. */
  concurrency: number;
  /** Alternating rounds per side (ours, bare) and the requests in each; one warm-up round per side is excluded. */
  e2eRounds: number;
  e2eRequestsPerRound: number;
  /** Knowledge-base sizes for the search scale section, and the queries timed at each. */
  searchSizes: number[];
  searchQueries: number;
  /** How many times the compiled `serve` (node bin/some-advisor.js) is started to time `/readyz`. */
  startups: number;
  /** Turns through HTTP before the warmed-up memory reading, and in total before the final one. */
  memoryWarmTurns: number;
  memoryTotalTurns: number;
  /** Run the PostgreSQL core figures (skipped with a note when the server is unreachable). */
  postgres: boolean;
  /** Analytics events in the store, and seconds of /insights load, for the /healthz-under-/insights figure. */
  insightsEvents: number;
  insightsSeconds: number;
  /** Timed redactions of each 4,000-character adversarial input (after a short warm-up). */
  redactionRuns: number;
}

/** The full benchmark (well under five minutes on two cores). */
export const FULL: BenchConfig = {
  qualityQuestions: Number.POSITIVE_INFINITY,
  coreTurns: 3000,
  coreWarmup: 300,
  concurrency: 8,
  e2eRounds: 5,
  e2eRequestsPerRound: 600,
  searchSizes: [50, 500, 5000],
  searchQueries: 300,
  startups: 5,
  memoryWarmTurns: 2000,
  memoryTotalTurns: 20_000,
  postgres: true,
  insightsEvents: 250_000,
  insightsSeconds: 20,
  redactionRuns: 500,
};

/** A reduced run that proves every section works (the CI smoke test). */
export const QUICK: BenchConfig = {
  qualityQuestions: 20,
  coreTurns: 40,
  coreWarmup: 10,
  concurrency: 4,
  e2eRounds: 1,
  e2eRequestsPerRound: 40,
  searchSizes: [50, 100],
  searchQueries: 50,
  startups: 1,
  memoryWarmTurns: 40,
  memoryTotalTurns: 120,
  postgres: true,
  insightsEvents: 5000,
  insightsSeconds: 2,
  redactionRuns: 20,
};

/**
 * The per-user rate limit the servers run with: the benchmark plays a few dozen users sending hundreds of turns per
 * second, so the default (30 a minute) is raised to keep every turn real work; the limiter itself still runs.
 */
export const BENCH_RATE_LIMIT = '1000000';
