import { setFlagsFromString } from 'node:v8';

const GROWTH_FLAG = 'semi-space-growth-factor';
/** V8's default for the flag (the same in the V8 of Node 20, 22 and 24). */
const V8_DEFAULT_GROWTH = 2;

/** Whether the operator set the growth factor on node's command line (NODE_OPTIONS cannot): then it is theirs to keep. */
function operatorSetsGrowth(): boolean {
  return process.execArgv.some((flag) => flag.replace(/_/g, '-').startsWith(`--${GROWTH_FLAG}`));
}

/**
 * Stops V8's young generation from growing, for start-up. Nearly everything start-up allocates lives as long as the
 * process (modules, the parsed knowledge, the search indexes), so its objects survive each scavenge and V8 keeps
 * doubling the young generation (to 16 MB per semi-space on Node 20): pages an idle server then holds on to. Held,
 * the objects go to the old generation instead. Call `releaseYoungGeneration` when start-up is over.
 */
export function holdYoungGeneration(): void {
  if (!operatorSetsGrowth()) setFlagsFromString(`--${GROWTH_FLAG}=1`);
}

/** Lets the young generation grow again as V8 does by default (under load it should). */
export function releaseYoungGeneration(): void {
  if (!operatorSetsGrowth()) setFlagsFromString(`--${GROWTH_FLAG}=${V8_DEFAULT_GROWTH}`);
}
