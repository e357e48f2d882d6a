import { setFlagsFromString } from 'node:v8';

/** A V8 flag start-up sets, with the value it returns to once start-up is over (V8's default in Node 20, 22 and 24). */
interface StartUpFlag {
  name: string;
  held: string;
  released: string;
}

const YOUNG_GENERATION: StartUpFlag = { name: 'semi-space-growth-factor', held: '--semi-space-growth-factor=1', released: '--semi-space-growth-factor=2' };
const OLD_GENERATION: StartUpFlag = { name: 'optimize-for-size', held: '--optimize-for-size', released: '--no-optimize-for-size' };

/** Whether the operator set a flag on node's command line (NODE_OPTIONS cannot): then it is theirs to keep. */
function operatorSets(name: string): boolean {
  return process.execArgv.some((flag) => flag.replace(/_/g, '-').replace(/^--no-/, '--').startsWith(`--${name}`));
}

function set(flag: StartUpFlag, value: 'held' | 'released'): void {
  if (!operatorSets(flag.name)) setFlagsFromString(flag[value]);
}

/**
 * Stops V8's young generation from growing, for start-up. Nearly everything start-up allocates lives as long as the
 * process (modules, the parsed knowledge, the search indexes), so its objects survive each scavenge and V8 keeps
 * doubling the young generation (to 16 MB per semi-space on Node 20): pages an idle server then holds on to. Held,
 * the objects go to the old generation instead. Call `releaseStartUpHeap` when start-up is over.
 */
export function holdYoungGeneration(): void {
  set(YOUNG_GENERATION, 'held');
}

/**
 * Makes V8 grow the old generation by a smaller factor (`--optimize-for-size`) while the knowledge and its search
 * indexes are built: building them leaves garbage there, and at the default factor the heap grows past it into pages
 * an idle server then holds on to. Module loading is left out: it costs time there and saves nothing.
 */
export function holdOldGeneration(): void {
  set(OLD_GENERATION, 'held');
}

/** Lets the heap grow again as V8 does by default (under load it should). */
export function releaseStartUpHeap(): void {
  set(YOUNG_GENERATION, 'released');
  set(OLD_GENERATION, 'released');
}
