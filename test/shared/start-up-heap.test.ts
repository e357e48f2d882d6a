import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const MODULE = pathToFileURL(join(import.meta.dirname, '..', '..', 'src', 'shared', 'start-up-heap.ts')).href;

/** Heap space sizes (MB) in a fresh process that builds as start-up does, while held and after release. */
interface SpaceSizes {
  newWhileHeld: number;
  oldWhileHeld: number;
  newAfterRelease: number;
}

/**
 * A fresh process (with `nodeFlags` on node's command line) keeps a million objects while it makes and drops as many
 * temporaries (as building the search indexes does), then keeps a million more after release.
 */
async function spaceSizes(hold: 'nothing' | 'young' | 'both', nodeFlags: string[] = []): Promise<SpaceSizes> {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    const { holdYoungGeneration, holdOldGeneration, releaseStartUpHeap } = await import(${JSON.stringify(MODULE)});
    const spaceMb = (name) => getHeapSpaceStatistics().find((s) => s.space_name === name).space_size / 2 ** 20;
    const kept = [];
    const build = () => {
      let temporaries = [];
      for (let i = 0; i < 1_000_000; i++) {
        kept.push({ i, text: 'entry ' + i });
        temporaries.push(['term ' + i, i]);
        if (temporaries.length === 200_000) temporaries = [];
      }
    };
    if (${hold !== 'nothing'}) holdYoungGeneration();
    if (${hold === 'both'}) holdOldGeneration();
    build();
    const newWhileHeld = spaceMb('new_space');
    const oldWhileHeld = spaceMb('old_space');
    releaseStartUpHeap();
    build();
    console.log(JSON.stringify({ newWhileHeld, oldWhileHeld, newAfterRelease: spaceMb('new_space') }));
  `;
  const { stdout } = await run(process.execPath, [...nodeFlags, '--import', 'tsx', '--input-type=module', '-e', script]);
  return JSON.parse(stdout) as SpaceSizes;
}

describe('holding the heap during start-up', () => {
  it('keeps long-lived start-up objects from growing the young generation, and lets it grow again once released', async () => {
    const [held, free] = await Promise.all([spaceSizes('young'), spaceSizes('nothing')]);
    expect(held.newWhileHeld * 2).toBeLessThan(free.newWhileHeld);
    expect(held.newAfterRelease).toBeGreaterThan(held.newWhileHeld);
  });

  it("grows the old generation by a smaller factor, unless the operator's own command line says otherwise", async () => {
    const [held, youngOnly, operatorsChoice] = await Promise.all([spaceSizes('both'), spaceSizes('young'), spaceSizes('both', ['--no-optimize-for-size'])]);
    expect(held.oldWhileHeld).toBeLessThan(youngOnly.oldWhileHeld);
    expect(held.oldWhileHeld).toBeLessThan(operatorsChoice.oldWhileHeld);
  });
});
