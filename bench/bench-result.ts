import type { CoreResult } from './core-bench.ts';
import type { E2eResult } from './e2e-bench.ts';
import type { InsightsResult } from './insights-bench.ts';
import type { MemoryResult } from './memory-bench.ts';
import type { QualityResult } from './quality-bench.ts';
import type { RedactionResult } from './redaction-bench.ts';
import type { ScalePoint } from './search-scale-bench.ts';

/** Everything one benchmark run measured (written to bench/results/latest.json). */
export interface BenchResult {
  at: string;
  machine: { cpus: number; node: string; platform: string };
  durationS: number;
  quality: QualityResult;
  core: CoreResult;
  slack: E2eResult;
  teams: E2eResult;
  search: ScalePoint[];
  redaction: RedactionResult;
  process: { readyMs: number; readyRuns: number[]; idleRssMb: number; memory: MemoryResult };
  insights: InsightsResult;
}
