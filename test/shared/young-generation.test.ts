import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const MODULE = pathToFileURL(join(import.meta.dirname, '..', '..', 'src', 'shared', 'young-generation.ts')).href;

/** The young generation's size in a fresh process after it keeps a million objects, then a million more after release. */
async function youngGenerationMb(hold: boolean): Promise<{ whileHeld: number; afterRelease: number }> {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    const { holdYoungGeneration, releaseYoungGeneration } = await import(${JSON.stringify(MODULE)});
    const newSpaceMb = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 2 ** 20;
    const kept = [];
    const keepObjects = () => { for (let i = 0; i < 1_000_000; i++) kept.push({ i, text: 'entry ' + i }); };
    if (${hold}) holdYoungGeneration();
    keepObjects();
    const whileHeld = newSpaceMb();
    releaseYoungGeneration();
    keepObjects();
    console.log(JSON.stringify({ whileHeld, afterRelease: newSpaceMb() }));
  `;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
  return JSON.parse(stdout) as { whileHeld: number; afterRelease: number };
}

describe('holding the young generation during start-up', () => {
  it('keeps long-lived start-up objects from growing the young generation, and lets it grow again once released', async () => {
    const [held, free] = await Promise.all([youngGenerationMb(true), youngGenerationMb(false)]);
    expect(held.whileHeld * 2).toBeLessThan(free.whileHeld);
    expect(held.afterRelease).toBeGreaterThan(held.whileHeld);
  });
});
