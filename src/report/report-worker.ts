import { parentPort, workerData } from 'node:worker_threads';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { loadReport } from './build-report.ts';
import { titlesFromTable, type ReportJob } from './report-in-worker.ts';

// Runs in a worker thread (report-in-worker.ts): builds one report over its own store connection and posts it back.
const job = workerData as ReportJob;

async function open(): Promise<Store> {
  if (!job.databaseUrl) return new SqliteStore(job.sqlitePath);
  const { PostgresStore } = await import('../store/postgres/postgres-store.ts');
  return new PostgresStore({ connectionString: job.databaseUrl, maxConnections: 1 });
}

const store = await open();
try {
  const report = await loadReport(store, titlesFromTable(job.titles), new Date(job.now), job.since ? new Date(job.since) : undefined);
  parentPort?.postMessage({ report });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  await store.close();
}
