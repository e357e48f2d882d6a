#!/usr/bin/env node
// Compiles src/ to dist/ (tsconfig.build.json), copies the playground's static assets next to the compiled code and
// writes the parsed shipped knowledge to dist/knowledge-yaml-snapshot.json (start-up then skips parsing unchanged files)
// and its learned topic model to dist/knowledge-topic-model.bin (the first search then skips learning it).
// `--if-typescript` (the `prepare` script) skips the build when TypeScript is not installed: a production install
// (`npm ci --omit=dev`) runs the dist/ that a build stage made.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const require = createRequire(import.meta.url);

function typescriptCompiler() {
  try {
    return require.resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

const tsc = typescriptCompiler();
if (!tsc) {
  if (process.argv.includes('--if-typescript')) {
    const dist = existsSync(new URL('dist/cli.js', root)) ? 'dist/ is used as it is' : 'dist/ is missing: copy it from a build';
    process.stdout.write(`some-advisor: TypeScript is not installed (production install); skipping the build, ${dist}.\n`);
    process.exit(0);
  }
  process.stderr.write('some-advisor: TypeScript is not installed; run `npm install` (with development dependencies) first.\n');
  process.exit(1);
}
rmSync(new URL('dist/', root), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
cpSync(new URL('src/adapters/web/assets/', root), new URL('dist/adapters/web/assets/', root), { recursive: true });
// The shipped knowledge parsed once here, so start-up skips parsing the YAML it already has (changed files are parsed).
const { writeYamlSnapshot, YAML_SNAPSHOT_FILE } = await import(new URL('dist/knowledge/yaml-snapshot.js', root).href);
const { TOPIC_MODEL_SNAPSHOT_FILE } = await import(new URL('dist/knowledge/topic-model-snapshot.js', root).href);
const { writeShippedTopicModel } = await import(new URL('dist/cli/shipped-topic-model.js', root).href);
if (existsSync(new URL('knowledge/', root))) {
  const knowledge = fileURLToPath(new URL('knowledge/', root));
  await writeYamlSnapshot(knowledge, fileURLToPath(new URL(`dist/${YAML_SNAPSHOT_FILE}`, root)));
  await writeShippedTopicModel(knowledge, fileURLToPath(new URL(`dist/${TOPIC_MODEL_SNAPSHOT_FILE}`, root)));
}
