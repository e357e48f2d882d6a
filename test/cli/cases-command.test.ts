import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { seedCases } from './support/seed-cases.ts';

const PER = { name: 'Per Hansen', municipality: 'Kolding Kommune' };

/** `some-advisor cases …` on the seeded database. */
const cases = (env: Record<string, string>, ...args: string[]) => runCli(['cases', ...args], '', env);

describe('cases: case numbers', () => {
  it('finds a case by its number in any case (kl-2026-0001)', async () => {
    const { env, numbers } = await seedCases([PER]);
    const number = numbers[0] ?? '';
    const shown = await cases(env, 'show', number.toLowerCase(), '--json');
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ number });
  });
});
