import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', 'src');
const SOURCE_FILE = /\.[cm]?[jt]s$/;

/**
 * Which parts of src/ each part may import, besides itself and `shared/` (which every part may import and which
 * imports nothing). A part is a top-level folder or file (`cli.ts` belongs to `cli`); each adapter is a part of its
 * own. The table has no cycle, so every import points downwards.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  // Leaves: the shared types and helpers, interface strings, logging, the HTTP server, search, persistence.
  shared: [],
  i18n: [],
  logging: [],
  server: [],
  knowledge: [],
  store: [],
  config: ['store'],
  // The bot pipeline: routes turns, offers 👍/👎, emits turn events; flows and escalation plug into its ports.
  core: ['i18n', 'knowledge', 'store'],
  // The core's ports filled in, and its observers (analytics and metrics watch it, the core never calls them).
  dialogs: ['i18n', 'core', 'knowledge'],
  escalation: ['i18n', 'core', 'store', 'config'],
  analytics: ['core', 'store', 'escalation'],
  metrics: ['core', 'store', 'escalation', 'server'],
  report: ['knowledge', 'store'],
  // Platforms: anything below (the runtime's type from main.ts too), never another adapter.
  adapters: ['i18n', 'logging', 'config', 'server', 'knowledge', 'store', 'core', 'dialogs', 'escalation', 'report', 'main'],
  ops: ['config', 'adapters'],
  // Composition: store-services.ts opens the store with the analytics and escalation on it (all `cases` needs), main.ts
  // builds the runtime on that; the CLI wires everything.
  'store-services': ['config', 'store', 'escalation', 'analytics', 'metrics'],
  main: ['i18n', 'logging', 'config', 'server', 'knowledge', 'store', 'core', 'dialogs', 'escalation', 'analytics', 'metrics', 'report', 'store-services'],
  cli: ['i18n', 'logging', 'config', 'server', 'knowledge', 'store', 'core', 'dialogs', 'escalation', 'analytics', 'metrics', 'report', 'adapters', 'ops', 'main', 'store-services'],
};

/** Platform SDKs and the one adapter allowed to import each. */
const PLATFORM_PACKAGES: readonly { pattern: RegExp; part: string }[] = [
  { pattern: /^@slack\//, part: 'adapters/slack' },
  { pattern: /^(@microsoft\/agents-|botbuilder)/, part: 'adapters/teams' },
];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && SOURCE_FILE.test(e.name)).map((e) => join(e.parentPath, e.name));
}

/** The part of src/ a path belongs to (undefined outside src/). */
function partOf(path: string): string | undefined {
  const segments = relative(SRC, path).split(sep);
  const [top, next] = segments;
  if (top === undefined || top === '..') return undefined;
  if (top === 'adapters' && next !== undefined && segments.length > 2) return `adapters/${next}`;
  return segments.length === 1 ? top.replace(SOURCE_FILE, '') : top;
}

/** Why part `from` may not import part `to`, or undefined when it may. */
function forbidden(from: string, to: string): string | undefined {
  if (from === to || to === 'shared') return undefined;
  const [fromLayer = from, toLayer = to] = [from.split('/')[0], to.split('/')[0]];
  if (fromLayer === 'adapters' && toLayer === 'adapters') return 'adapters never import each other';
  const allowed = MAY_IMPORT[fromLayer];
  if (!allowed) return `src/${fromLayer} is missing from the layer table in test/boundary.test.ts`;
  return allowed.includes(toLayer) ? undefined : `${fromLayer} may import only ${['shared', ...allowed].join(', ')}`;
}

/**
 * The imports of one source file that break the layer table or the platform rule, one readable line each. Every kind
 * of import counts: static, type-only, re-exports, import() and require() (the TypeScript scanner finds them).
 */
function offences(file: string, text: string): string[] {
  const from = partOf(file);
  const name = (path: string) => relative(resolve(SRC, '..'), path).split(sep).join('/');
  const found: string[] = [];
  for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier);
      const to = partOf(target);
      const why = from && to ? forbidden(from, to) : undefined;
      if (why) found.push(`${name(file)} imports ${name(target)}: ${why}`);
    } else {
      const platform = PLATFORM_PACKAGES.find((p) => p.pattern.test(specifier));
      if (platform && from !== platform.part) found.push(`${name(file)} imports ${specifier}: only src/${platform.part} may`);
    }
  }
  return found;
}

/** Part names in an order where each comes after everything it may import; throws on a cycle. */
function layerOrder(table: Record<string, readonly string[]>): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (part: string, path: string[]): void => {
    if (order.includes(part)) return;
    if (visiting.has(part)) throw new Error(`the layer table has a cycle: ${[...path, part].join(' → ')}`);
    visiting.add(part);
    for (const below of table[part] ?? []) visit(below, [...path, part]);
    order.push(part);
  };
  for (const part of Object.keys(table)) visit(part, []);
  return order;
}

describe('architecture boundary', () => {
  it('keeps every import of src/ inside the layer table, and the platform SDKs inside their adapters', async () => {
    const found: string[] = [];
    for (const file of await sourceFiles(SRC)) found.push(...offences(file, await readFile(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('has every top-level part of src/ in the layer table', async () => {
    const entries = (await readdir(SRC, { withFileTypes: true })).filter((e) => e.isDirectory() || SOURCE_FILE.test(e.name));
    const parts = entries.map((entry) => partOf(join(SRC, entry.name)));
    expect(parts.filter((part) => part === undefined || !(part in MAY_IMPORT))).toEqual([]);
  });

  it('has a layer table without cycles, and finds one when there is one', () => {
    // Same length: no cycle, and every part a row names has a row of its own.
    expect(layerOrder(MAY_IMPORT)).toHaveLength(Object.keys(MAY_IMPORT).length);
    expect(() => layerOrder({ core: ['analytics'], analytics: ['core'] })).toThrow('core → analytics → core');
  });

  it('names each forbidden import, whatever its form', () => {
    const core = join(SRC, 'core', 'example.ts');
    const text = [
      "import { observe } from '../analytics/recorder.ts';",
      "import type { FlowEngine } from '../dialogs/flow-engine.ts';",
      "import { BoundedCache } from '../shared/bounded-cache.ts';",
      "import { search } from '../knowledge/search.ts';",
      "export { helper } from './helper.ts';",
      "const teams = await import('../adapters/teams/endpoint.ts');",
      "const { App } = await import('@slack/bolt');",
    ].join('\n');
    expect(offences(core, text)).toEqual([
      'src/core/example.ts imports src/analytics/recorder.ts: core may import only shared, i18n, knowledge, store',
      'src/core/example.ts imports src/dialogs/flow-engine.ts: core may import only shared, i18n, knowledge, store',
      'src/core/example.ts imports src/adapters/teams/endpoint.ts: core may import only shared, i18n, knowledge, store',
      'src/core/example.ts imports @slack/bolt: only src/adapters/slack may',
    ]);
    expect(offences(join(SRC, 'knowledge', 'index.ts'), "export * from '../core/turn.ts';")).toEqual([
      'src/knowledge/index.ts imports src/core/turn.ts: knowledge may import only shared',
    ]);
  });

  it('keeps adapters apart and the platform SDKs in their own adapter', () => {
    const slack = join(SRC, 'adapters', 'slack', 'example.ts');
    const text = "import { render } from '../teams/render-card.ts';\nimport { Bot } from '../../core/bot.ts';\nimport { App } from '@slack/bolt';\nimport '@microsoft/agents-hosting';";
    expect(offences(slack, text)).toEqual([
      'src/adapters/slack/example.ts imports src/adapters/teams/render-card.ts: adapters never import each other',
      'src/adapters/slack/example.ts imports @microsoft/agents-hosting: only src/adapters/teams may',
    ]);
  });
});
