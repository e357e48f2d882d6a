import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';

/** The snapshot's file name, in dist/ next to the compiled code. */
export const YAML_SNAPSHOT_FILE = 'knowledge-yaml-snapshot.json';

/** What the snapshot file holds: the parsed data of each YAML text, keyed by the text's SHA-256. */
interface SnapshotFile {
  version: 1;
  texts: Record<string, unknown>;
}

/** The key of a YAML text in the snapshot. */
function keyOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** Every `*.yaml`/`*.yml` file under `dir`, depth first. */
async function yamlFilesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await yamlFilesUnder(path)));
    else if (/\.ya?ml$/.test(entry.name)) found.push(path);
  }
  return found;
}

/**
 * Writes the parsed data of every YAML file under `dir` that parses without error (and that JSON holds exactly) to `out` (the build does this for
 * the shipped knowledge); returns how many files it holds. Validation still runs at start-up: only parsing is skipped.
 */
export async function writeYamlSnapshot(dir: string, out: string): Promise<number> {
  const texts: Record<string, unknown> = {};
  for (const file of await yamlFilesUnder(dir)) {
    const text = await readFile(file, 'utf8');
    const doc = parseDocument(text, { uniqueKeys: true });
    if (doc.errors.length > 0) continue;
    const data: unknown = doc.toJS();
    // only data that JSON keeps exactly (not .inf, .nan or -0, say), so a file read back is the file parsed
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(data)), data)) texts[keyOf(text)] = data;
  }
  const snapshot: SnapshotFile = { version: 1, texts };
  await writeFile(out, JSON.stringify(snapshot));
  return Object.keys(texts).length;
}

/**
 * Parsed YAML texts from a snapshot written at build time. Each text's data is handed out once and then forgotten, so
 * the snapshot holds no memory once start-up has read the knowledge (a reload parses the files again).
 */
export class YamlSnapshot {
  private constructor(private readonly texts: Map<string, unknown>) {}

  /** Reads the snapshot at `path`; an absent or unreadable file gives an empty snapshot (everything is parsed). */
  static read(path: URL | string): YamlSnapshot {
    try {
      const file = JSON.parse(readFileSync(path, 'utf8')) as Partial<SnapshotFile>;
      return new YamlSnapshot(file.version === 1 && file.texts ? new Map(Object.entries(file.texts)) : new Map());
    } catch {
      return new YamlSnapshot(new Map());
    }
  }

  /** The parsed data of `text` if the snapshot holds it (then no more), else undefined. */
  take(text: string): unknown {
    if (this.texts.size === 0) return undefined;
    const key = keyOf(text);
    const data = this.texts.get(key);
    this.texts.delete(key);
    return data;
  }
}
