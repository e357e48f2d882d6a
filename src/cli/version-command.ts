import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The fields of package.json that `version` shows. */
const packageJson = z.object({ name: z.string(), version: z.string() });

/** `some-advisor --version`: the installed version (from package.json, in a checkout and in dist/ alike) and Node's. */
export function runVersion(stdout: NodeJS.WritableStream): number {
  const { name, version } = packageJson.parse(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')));
  stdout.write(`${name} ${version} (Node.js ${process.version})\n`);
  return 0;
}
