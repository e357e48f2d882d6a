import { access, readFile } from 'node:fs/promises';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import type { LintError } from './lint-error.ts';
import { plainIssueMessage } from './schema-issue-message.ts';
import { findYamlPitfalls } from './yaml-pitfalls.ts';
import { yamlSyntaxHint } from './yaml-syntax-hint.ts';
import { YAML_SNAPSHOT_FILE, YamlSnapshot } from './yaml-snapshot.ts';

/** A parsed YAML file that can tell the line of any value path in it. */
export interface YamlFile {
  file: string;
  data: unknown;
  /** The 1-based line of the value at `path` (falls back to the nearest existing parent, then line 1). */
  lineOf(path: readonly PropertyKey[]): number;
}

/** The build's snapshot of the shipped knowledge, next to the compiled code (absent when running the sources). */
let buildSnapshot: YamlSnapshot | undefined;

/** The build's snapshot, read on first use. */
function snapshotOfBuild(): YamlSnapshot {
  buildSnapshot ??= YamlSnapshot.read(new URL(`../${YAML_SNAPSHOT_FILE}`, import.meta.url));
  return buildSnapshot;
}

/**
 * Reads and parses one YAML file; syntax errors come back as lint errors with their line. A text the snapshot holds
 * (by default the build's) is not parsed again: its lines are looked up, by parsing, only when asked for.
 */
export async function readYamlFile(file: string, snapshot: YamlSnapshot = snapshotOfBuild()): Promise<{ yaml?: YamlFile; errors: LintError[] }> {
  const text = await readFile(file, 'utf8');
  const data = snapshot.take(text);
  if (data === undefined) return parseYamlText(file, text);
  let parsed: YamlFile | undefined;
  return { yaml: { file, data, lineOf: (path) => (parsed ??= parseYamlText(file, text).yaml)?.lineOf(path) ?? 1 }, errors: [] };
}

/** Like `readYamlFile`, for a file that may be absent: undefined when it does not exist. */
export async function readOptionalYamlFile(file: string): Promise<{ yaml?: YamlFile; errors: LintError[] } | undefined> {
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  return exists ? readYamlFile(file) : undefined;
}

/**
 * Parses YAML text belonging to `file`; syntax errors come back as lint errors with their line and a plain hint, and
 * so does valid YAML that silently says something else than meant (a text cut at " #", …), beside the parsed file.
 */
export function parseYamlText(file: string, text: string): { yaml?: YamlFile; errors: LintError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const lines = text.split('\n');
    const seen = new Set<string>();
    return {
      errors: doc.errors.flatMap((e) => {
        const message = e.message.split('\n')[0] ?? e.message;
        const reported = e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line;
        // an unclosed quote is reported where the file ends; the line that opened it is the one to fix
        const line = message.includes('quote') ? (lastLineWithOddQuotes(lines, reported) ?? reported) : reported;
        const hint = yamlSyntaxHint(e.code, message, lines[line - 1] ?? '');
        // one cause often gives several parser errors on a line; its hint is said once
        const key = `${line}:${hint ?? message}`;
        if (seen.has(key)) return [];
        seen.add(key);
        return [{ file, line, message: `YAML syntax error: ${message}${hint ? ` — ${hint}` : ''}` }];
      }),
    };
  }
  const pitfalls = findYamlPitfalls(doc, text, lineCounter).map((p) => ({ file, ...p }));
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as Node | undefined;
      const start = node && typeof node === 'object' && 'range' in node ? node.range?.[0] : undefined;
      if (start !== undefined) return lineCounter.linePos(start).line;
      if (depth > 0) {
        const parent = doc.getIn(path.slice(0, depth - 1) as unknown[], true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => String((p.key as { value?: unknown })?.value) === String(path[depth - 1]));
          const keyStart = (pair?.key as Node | undefined)?.range?.[0];
          if (keyStart !== undefined) return lineCounter.linePos(keyStart).line;
        } else if (isSeq(parent)) {
          continue;
        }
      }
    }
    return 1;
  };
  return { yaml: { file, data: doc.toJS(), lineOf }, errors: pitfalls };
}

/** Validates parsed YAML against a zod schema; each issue becomes a lint error naming the field and its line. */
export function validateYaml<S extends z.ZodType>(
  yaml: YamlFile,
  schema: S,
): { value?: z.output<S>; errors: LintError[] } {
  const result = schema.safeParse(yaml.data);
  if (result.success) return { value: result.data, errors: [] };
  return {
    errors: result.error.issues.map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : '(file)';
      return { file: yaml.file, line: yaml.lineOf(issue.path), message: `${field}: ${plainIssueMessage(issue.message, issue.path.length === 0)}` };
    }),
  };
}

/** The last line at or before `line` (1-based) with an odd number of straight double quotes: where a quote was left open. */
function lastLineWithOddQuotes(lines: readonly string[], line: number): number | undefined {
  for (let i = Math.min(line, lines.length); i >= 1; i--) if (((lines[i - 1] ?? '').split('"').length - 1) % 2 === 1) return i;
  return undefined;
}
