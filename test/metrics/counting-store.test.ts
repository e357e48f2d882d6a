import { describe, expect, it } from 'vitest';
import { countingStoreErrors } from '../../src/metrics/counting-store.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { StoreUnavailableError } from '../../src/store/store.ts';

describe('countingStoreErrors', () => {
  it('reports each call that fails with StoreUnavailableError and passes results and errors through', async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    let errors = 0;
    const counted = countingStoreErrors(store, () => errors++);
    await counted.putSetting('k', { a: 1 });
    expect(await counted.getSetting('k')).toEqual({ a: 1 });
    await expect(counted.getCase('nope')).resolves.toBeNull();
    expect(errors).toBe(0);
    await store.close();
    await expect(counted.getSetting('k')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(counted.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(errors).toBe(2);
  });
});
