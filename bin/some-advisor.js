#!/usr/bin/env node
// Entry point of the `some-advisor` command: runs the TypeScript sources through the tsx loader.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
