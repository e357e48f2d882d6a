import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';

/** What triggers a knowledge reload and what it calls. */
export interface KnowledgeReloaderOptions {
  /** KNOWLEDGE_DIR: with `watch`, it and each folder in it (faq/, flows/) are watched. */
  dir: string;
  /** Watch the folder for changes (development); SIGHUP always reloads. */
  watch: boolean;
  /** Quiet time after the last change before reloading (an editor saves in several steps). */
  debounceMs?: number;
  /** Loads the knowledge again; rejects a version with lint errors itself. */
  reload: () => Promise<unknown>;
  logger: Logger;
}

/** Reloads knowledge on SIGHUP and, with `watch`, on file changes; one reload at a time. Returns a function that stops it. */
export function startKnowledgeReloader(options: KnowledgeReloaderOptions): () => void {
  const { logger } = options;
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await options.reload().catch((error: unknown) => logger.error({ err: error }, 'knowledge reload failed; the previous version stays live'));
      } while (again);
    } finally {
      running = false;
    }
  };
  const onHangup = () => {
    logger.info({ dir: options.dir }, 'SIGHUP: reloading knowledge');
    void run();
  };
  process.on('SIGHUP', onHangup);
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  if (options.watch) {
    // Folders, not files (nor one recursive watch, which on Linux follows files): an editor that saves by writing a new
    // file and renaming it over the old one replaces the file a watch was on, and that file's later saves went unseen.
    watchers = knowledgeFolders(options.dir).map((dir) => {
      const watcher = watch(dir, () => {
        clearTimeout(timer);
        timer = setTimeout(() => void run(), options.debounceMs ?? 300);
      });
      watcher.on('error', (error) => logger.warn({ err: error, dir }, 'watching the knowledge folder failed; send SIGHUP to reload'));
      return watcher;
    });
    logger.info({ dir: options.dir }, 'watching the knowledge folder; changes are reloaded (development)');
  }
  return () => {
    process.off('SIGHUP', onHangup);
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}

/** The knowledge folder and the folders directly in it (faq/, flows/). */
function knowledgeFolders(dir: string): string[] {
  const inside = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
  return [dir, ...inside.map((entry) => join(dir, entry.name))];
}
