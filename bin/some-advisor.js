#!/usr/bin/env node
// Entry point of the `some-advisor` command: runs the compiled JavaScript in dist/ (`npm run build`; `npm install` runs it).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('some-advisor: dist/ is missing; run `npm run build` (npm install runs it in a development checkout).\n');
  process.exit(1);
}
await import(cli.href);
