import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readYamlFile } from '../../src/knowledge/yaml-file.ts';
import { writeYamlSnapshot, YamlSnapshot } from '../../src/knowledge/yaml-snapshot.ts';

const ENTRY = 'id: demo\ntitle: Demo\nreviewed: 2026-12-01\nquestions:\n  - må vi slette kommentarer?\n  - 119\nflag: yes\n';
const BROKEN = 'id: broken\nid: twice\n';
const INFINITE = 'id: infinite\nlimit: .inf\n';

/** A knowledge folder with an entry, a guide in a subfolder and a file with a duplicate key; and its snapshot. */
async function snapshotOfFolder(): Promise<{ dir: string; snapshot: string; count: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'yaml-snapshot-'));
  mkdirSync(join(dir, 'flows'));
  writeFileSync(join(dir, 'demo.yaml'), ENTRY);
  writeFileSync(join(dir, 'flows', 'guide.yml'), 'id: guide\nnodes: {}\n');
  writeFileSync(join(dir, 'broken.yaml'), BROKEN);
  writeFileSync(join(dir, 'infinite.yaml'), INFINITE);
  const snapshot = join(dir, 'snapshot.json');
  return { dir, snapshot, count: await writeYamlSnapshot(dir, snapshot) };
}

describe('the build snapshot of parsed knowledge', () => {
  it('holds every file that parses into data JSON keeps exactly, as the parser reads it, and hands each text out once', async () => {
    const { snapshot, count } = await snapshotOfFolder();
    expect(count).toBe(2);
    const texts = YamlSnapshot.read(snapshot);
    expect(texts.take(ENTRY)).toEqual(parseDocument(ENTRY).toJS());
    expect(texts.take(ENTRY)).toBeUndefined();
    expect(texts.take(BROKEN)).toBeUndefined();
    expect(texts.take(INFINITE)).toBeUndefined();
    expect(texts.take(`${ENTRY}# edited\n`)).toBeUndefined();
  });

  it('is empty when the file is absent or not a snapshot', () => {
    expect(YamlSnapshot.read(join(tmpdir(), 'no-such-snapshot.json')).take(ENTRY)).toBeUndefined();
    const other = join(mkdtempSync(join(tmpdir(), 'yaml-snapshot-')), 'other.json');
    writeFileSync(other, '{"version": 2, "texts": {}}');
    expect(YamlSnapshot.read(other).take(ENTRY)).toBeUndefined();
  });

  it('gives readYamlFile the same data and lines as parsing, and still reports syntax errors with their line', async () => {
    const { dir, snapshot } = await snapshotOfFolder();
    const parsed = await readYamlFile(join(dir, 'demo.yaml'), YamlSnapshot.read(join(tmpdir(), 'no-such-snapshot.json')));
    const cached = await readYamlFile(join(dir, 'demo.yaml'), YamlSnapshot.read(snapshot));
    expect(cached.yaml?.data).toEqual(parsed.yaml?.data);
    expect(cached.yaml?.lineOf(['questions', 1])).toBe(6);
    expect(cached.yaml?.lineOf(['questions', 1])).toBe(parsed.yaml?.lineOf(['questions', 1]));
    const broken = await readYamlFile(join(dir, 'broken.yaml'), YamlSnapshot.read(snapshot));
    expect(broken.errors).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('YAML syntax error') })]);
  });
});
