import { StoreUnavailableError, type Store } from '../store/store.ts';

/** The store, with every call that fails with StoreUnavailableError reported to `onError` (and still rejected). */
export function countingStoreErrors(store: Store, onError: () => void): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        const result: unknown = Reflect.apply(value, target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((error: unknown) => {
          if (error instanceof StoreUnavailableError) onError();
          throw error;
        });
      };
    },
  });
}
