import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const NEUTRAL = ['src/core', 'src/knowledge', 'src/dialogs', 'src/escalation'];
const PLATFORM_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](@slack\/[^'"]*|@microsoft\/agents-[^'"]*|botbuilder[^'"]*)['"]/g;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && /\.(ts|js|mjs)$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

describe('architecture boundary', () => {
  it('keeps the core, knowledge, dialogs and escalation free of Slack and Teams packages', async () => {
    const offending: string[] = [];
    for (const dir of NEUTRAL) {
      for (const file of await sourceFiles(dir)) {
        const text = await readFile(file, 'utf8');
        for (const match of text.matchAll(PLATFORM_IMPORT)) offending.push(`${file} imports ${match[1]}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('recognises a platform import when there is one', () => {
    const sample = "import { App } from '@slack/bolt';\nconst x = await import('@microsoft/agents-hosting');";
    expect([...sample.matchAll(PLATFORM_IMPORT)].map((m) => m[1])).toEqual(['@slack/bolt', '@microsoft/agents-hosting']);
  });
});
