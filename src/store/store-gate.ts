import type { Logger } from 'pino';
import { StoreConfigurationError, StoreUnavailableError, type Store } from './store.ts';

/** How the store is opened: `retry` keeps trying in the background (serve); without it a down store fails at once. */
export interface StoreGateOptions {
  retry: boolean;
  /** First delay between attempts (default 2000 ms); it doubles per failure up to `maxRetryMs`. */
  retryMs?: number;
  /** Longest delay between attempts (default 15000 ms). */
  maxRetryMs?: number;
}

/** A store whose migrations may still be pending: calls fail politely until they are applied. */
export interface StoreGate {
  /** The store to use; its calls throw StoreUnavailableError until migrations are applied. */
  store: Store;
  /** Resolves once migrations are applied. */
  migrated: Promise<void>;
  /** Readiness for `/readyz`: throws until migrated, then pings the store. */
  ready(): Promise<void>;
  /** Stops retrying (on shutdown). */
  stop(): void;
}

const PASSTHROUGH = new Set<PropertyKey>(['migrate', 'ping', 'close']);

/**
 * Applies migrations. With `retry`, a StoreUnavailableError is logged and migration is retried with capped backoff
 * while the process keeps running; without it the error is thrown (short-lived commands print it and exit 1). A
 * StoreConfigurationError (bad credentials, unknown database) is always thrown: retrying cannot fix the configuration.
 */
export async function openStore(store: Store, logger: Logger, options: StoreGateOptions): Promise<StoreGate> {
  let done = false;
  let lastError: unknown = new Error('migrations have not run yet');
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let markMigrated: () => void = () => undefined;
  const migrated = new Promise<void>((resolve) => (markMigrated = resolve));
  const succeed = () => {
    done = true;
    markMigrated();
  };
  if (!options.retry) {
    await store.migrate();
    succeed();
  } else {
    try {
      await store.migrate();
      succeed();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || error instanceof StoreConfigurationError) throw error;
      lastError = error;
      const base = options.retryMs ?? 2000;
      const cap = options.maxRetryMs ?? 15_000;
      logger.error({ err: error, retryInMs: base }, 'store unavailable at start; serving "try again in a moment" and retrying the migrations in the background');
      const attempt = (delay: number) => {
        timer = setTimeout(() => {
          store.migrate().then(
            () => {
              if (stopped) return;
              logger.info('store reachable again; migrations applied');
              succeed();
            },
            (retryError: unknown) => {
              lastError = retryError;
              if (stopped) return;
              const next = Math.min(delay * 2, cap);
              logger.warn({ err: retryError, retryInMs: next }, 'store still unavailable; retrying the migrations');
              attempt(next);
            },
          );
        }, delay);
        timer.unref();
      };
      attempt(base);
    }
  }
  const gated = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || PASSTHROUGH.has(property)) return value;
      return (...args: unknown[]): unknown => {
        if (!done) return Promise.reject(notReady(lastError));
        return Reflect.apply(value, target, args);
      };
    },
  });
  return {
    store: gated,
    migrated,
    async ready() {
      if (!done) throw notReady(lastError);
      await store.ping();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function notReady(lastError: unknown): StoreUnavailableError {
  return lastError instanceof StoreUnavailableError ? lastError : new StoreUnavailableError(lastError, 'the migrations have not been applied yet; they are retried in the background');
}
