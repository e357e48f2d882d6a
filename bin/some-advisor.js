#!/usr/bin/env node
// Entry point of the `some-advisor` command: runs the compiled JavaScript in dist/ (`npm run build`; `npm install` runs it).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('some-advisor: dist/ is missing; run `npm run build` (npm install runs it in a development checkout).\n');
  process.exit(1);
}
// Start-up allocates what lives as long as the process; `serve` releases the hold once it listens, other commands at once.
const { holdYoungGeneration } = await import(new URL('../dist/shared/start-up-heap.js', import.meta.url).href);
holdYoungGeneration();
await import(cli.href);
