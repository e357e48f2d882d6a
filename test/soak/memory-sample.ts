import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The process's memory at one moment, in MB: resident set, V8's live heap after a full collection, and its reserved heap. */
export interface MemorySample {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
}

/** A full garbage collection: `global.gc` under `node --expose-gc`, otherwise the same function fetched at run time (vitest workers). */
function fullGc(): () => void {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const gc = fullGc();
const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Collects garbage twice (so objects freed by finalisers go too), then reads the memory figures. */
export function sampleMemory(): MemorySample {
  gc();
  gc();
  const usage = process.memoryUsage();
  return { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed), heapTotalMb: mb(usage.heapTotal) };
}
