#!/usr/bin/env node
// The `some-advisor` command run from the TypeScript sources through the tsx loader (no build needed): `npm run dev --
// <command>`, and the entry point tests spawn, so they exercise the code as it is. bin/some-advisor.js runs dist/.
import { register } from 'tsx/esm/api';

register();
// as bin/some-advisor.js does: start-up allocates what lives as long as the process; `serve` releases the hold once it
// listens, other commands at once
const { holdYoungGeneration } = await import('../src/shared/start-up-heap.ts');
holdYoungGeneration();
await import('../src/cli.ts');
