import { StoreUnavailableError, type Store } from '../store/store.ts';

/** `result`, with a failure because the store was unavailable reported to `onError` (and still rejected). */
export function countingStoreError<T>(result: Promise<T>, onError: () => void): Promise<T> {
  return result.catch((error: unknown) => {
    if (error instanceof StoreUnavailableError) onError();
    throw error;
  });
}

/** The store, with every call that fails with StoreUnavailableError reported to `onError` (and still rejected). */
export function countingStoreErrors(store: Store, onError: () => void): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        const result: unknown = Reflect.apply(value, target, args);
        return result instanceof Promise ? countingStoreError(result, onError) : result;
      };
    },
  });
}
