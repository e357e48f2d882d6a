import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envSchema, loadConfig } from '../src/config/config.ts';

const lines = readFileSync('.env.example', 'utf8').split('\n');
/** `NAME=value` or a commented-out `# NAME=value`, with the line number. */
const entries = lines.flatMap((line, index) => {
  const match = /^(?:# )?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
  return match ? [{ name: match[1]!, value: match[2]!, active: !line.startsWith('#'), index }] : [];
});

describe('.env.example', () => {
  it('lists exactly the variables the configuration reads, each once', () => {
    const names = entries.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('explains each variable in a comment above it', () => {
    for (const entry of entries) {
      let above = entry.index - 1;
      while (above >= 0 && entries.some((e) => e.index === above)) above--;
      expect(lines[above] ?? '', entry.name).toMatch(/^# \S/);
      expect(/^# [A-Z][A-Z0-9_]*=/.test(lines[above] ?? ''), entry.name).toBe(false);
    }
  });

  it('is a valid configuration as written (the variables it sets)', () => {
    const env = Object.fromEntries(entries.filter((e) => e.active).map((e) => [e.name, e.value]));
    expect(() => loadConfig(env)).not.toThrow();
  });
});
