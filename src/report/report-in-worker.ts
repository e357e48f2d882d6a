import { Worker } from 'node:worker_threads';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { dueForReview, type ReviewDue } from '../knowledge/review-due.ts';
import type { ReportKnowledge } from './build-report.ts';
import type { Report } from './report-types.ts';
import { stepLookup, stepTexts, type FlowPrompts, type StepTexts } from './step-texts.ts';

/** The titles of entries, flows and out-of-scope areas, the guides' questions and what is due for review, as plain data (a worker cannot receive functions). */
export interface TitleTable {
  faq: Record<string, string>;
  flow: Record<string, string>;
  outside: Record<string, string>;
  steps: StepTexts;
  due: ReviewDue[];
}

/** What the report worker is given: where the store is, the period and the titles. */
export interface ReportJob {
  databaseUrl?: string;
  sqlitePath: string;
  since?: string;
  now: string;
  titles: TitleTable;
}

/** The titles of the loaded knowledge base, the guides' questions (from their definitions) and what is due for review on `now`, as plain data. */
export function titleTableFrom(knowledge: KnowledgeBase, now: Date, flows: readonly FlowPrompts[] = []): TitleTable {
  const table = (items: Iterable<[string, { title: string }]>) => Object.fromEntries([...items].map(([id, item]) => [id, item.title]));
  return { faq: table(knowledge.faq), flow: table(knowledge.flows), outside: table(knowledge.outside), steps: stepTexts(flows), due: dueForReview(knowledge, now) };
}

/** The report's view of the knowledge, read from a table (ids stand in for what is not in it). */
export function titlesFromTable(table: TitleTable): ReportKnowledge {
  const lookup = (titles: Record<string, string>) => (id: string) => (Object.hasOwn(titles, id) ? (titles[id] ?? id) : id);
  return { faq: lookup(table.faq), flow: lookup(table.flow), outside: lookup(table.outside), step: stepLookup(table.steps), dueForReview: () => table.due };
}

/**
 * How to start the worker: the compiled build (dist/, production) runs report-worker.js directly; run from the sources
 * (tests, `npm run dev`) the worker registers the tsx loader in its own thread first (loaders are per thread on Node 20).
 * tsx is a development dependency, so it is looked up only in the second case.
 */
function workerStart(): { script: string | URL; eval: boolean } {
  if (import.meta.url.endsWith('.js')) return { script: new URL('./report-worker.js', import.meta.url), eval: false };
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./report-worker.ts', import.meta.url).href;
  return { script: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); })`, eval: true };
}

/**
 * Builds the report in a worker thread with its own store connection (a SQLite connection to the same WAL file, or a
 * one-connection PostgreSQL pool), so reading and counting hundreds of thousands of events never blocks the event loop
 * that answers Slack, Teams and /healthz. The worker does not keep the process alive at shutdown.
 */
export function reportInWorker(job: ReportJob): Promise<Report> {
  return new Promise((resolve, reject) => {
    const start = workerStart();
    const worker = new Worker(start.script, { eval: start.eval, workerData: job });
    worker.unref();
    let settled = false;
    worker.once('message', (message: { report?: Report; error?: string }) => {
      settled = true;
      if (message.report) resolve(message.report);
      else reject(new Error(`the report could not be built: ${message.error ?? 'unknown error'}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the report worker stopped (exit code ${code}) before it answered`));
    });
  });
}
