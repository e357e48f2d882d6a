import { PassThrough, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { parseLocale } from '../../src/cli/cli-options.ts';
import { runCases } from '../../src/cli/cases-command.ts';
import { CaseService } from '../../src/escalation/case-service.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { runCli } from '../support/run-cli.ts';
import { seedCases } from './support/seed-cases.ts';

const PER = { name: 'Per Hansen', municipality: 'Kolding Kommune' };
const ANNE = { name: 'Anne Holm', municipality: 'Horsens Kommune' };

/** A test that also runs the real CLI (a few seconds a run on a busy machine). */
const SLOW = 90_000;

/** `some-advisor cases …` on the seeded database, in this process as the CLI runs it, with the log lines it wrote at info. */
async function cases(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string; log: Record<string, unknown>[] }> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, by: { type: 'string' }, lang: { type: 'string' } } });
  const store = new SqliteStore(env.SQLITE_PATH ?? '');
  const [out, err] = [new PassThrough(), new PassThrough()];
  const log: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      log.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  try {
    const service = new CaseService({ store, consultantChannels: () => [], logger: pino({ level: 'info' }, sink) });
    const code = await runCases(service, positionals, { json: values.json ?? false, by: values.by, locale: parseLocale(values.lang) }, out, err);
    return { code, stdout: String(out.read() ?? ''), stderr: String(err.read() ?? ''), log };
  } finally {
    await store.close();
  }
}

/** Every row of every table of the SQLite database at `path`, as one JSON text (to look for what is left of a person). */
function everythingStored(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return JSON.stringify(tables.map(({ name }) => db.prepare(`SELECT * FROM "${name}"`).all()));
  } finally {
    db.close();
  }
}

/** How many outbox notifications the database at `path` holds about case `id`. */
function notificationsAbout(path: string, id: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM outbox WHERE json_extract(payload, '$.caseId') = ?").get(id) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Two cases: Per's taken, answered and noted as delivered (new), Anne's untouched. */
function seedTwo() {
  return seedCases([PER, ANNE], async (service, [per = '']) => {
    await service.reply(per, 'Hej Per, jeg ringer dig op i eftermiddag.', 'Mette Konsulent', 'cli', 'm1');
    const view = await service.get(per);
    await service.recordDelivery(view?.case.id ?? '', 'requester:console:reply:m1', { status: 'sent', attempts: 1, at: new Date().toISOString() });
  });
}

describe('cases delete', () => {
  it('deletes a case at once, whatever its status, with everything stored about it and the requester\'s conversation, and says so in Danish', async () => {
    const { env, numbers } = await seedTwo();
    const [per = '', anne = ''] = numbers;
    const path = env.SQLITE_PATH ?? '';
    const id = (JSON.parse((await cases(env, 'show', per, '--json')).stdout) as { id: string }).id;
    // the requesters' conversations: state, history and a sent card
    const store = new SqliteStore(path);
    const at = new Date().toISOString();
    await store.saveConversation('console:seed-0', { activeChoices: [], transcript: [{ at, from: 'user', text: 'min nabo skælder ud' }] }, null);
    await store.appendConversationLog('console:seed-0', [{ kind: 'user', payload: { text: 'hjælp til nabostriden' } }], 100);
    await store.saveSentCard('console:seed-0', 'activity-1', { text: 'kort om nabostriden' }, 60_000);
    await store.saveConversation('console:seed-1', { activeChoices: [], transcript: [{ at, from: 'user', text: 'Annes spørgsmål' }] }, null);
    await store.close();
    for (const trace of ['Per Hansen', 'seed0@example.dk', 'jeg ringer dig op', 'min nabo', 'hjælp til nabostriden', 'kort om nabostriden', id, per]) expect(everythingStored(path)).toContain(trace);
    expect(notificationsAbout(path, id)).toBeGreaterThan(1);

    const deleted = await cases(env, 'delete', per, '--by', 'Mette Konsulent');
    expect(deleted).toMatchObject({ code: 0, stderr: '', stdout: `✓ Sag ${per} er slettet med alle oplysninger (kontakt, samtale, beskeder).\n` });
    const left = everythingStored(path);
    for (const trace of ['Per Hansen', 'seed0@example.dk', 'jeg ringer dig op', 'Kolding', 'min nabo', 'hjælp til nabostriden', 'kort om nabostriden', id, per]) expect(left).not.toContain(trace);
    expect(left).toContain('Anne Holm');
    expect(left).toContain('Annes spørgsmål');
    expect(notificationsAbout(path, id)).toBe(0);
    expect((await cases(env, 'show', per)).code).toBe(1);
    expect((await cases(env, 'show', anne)).code).toBe(0);
  }, SLOW);

  it('takes a number in any letter case, answers in English with --lang en and as JSON with --json', async () => {
    const { env, numbers } = await seedCases([PER, ANNE, ANNE]);
    const [first = '', second = '', third = ''] = numbers;
    const english = await cases(env, 'delete', first.toLowerCase(), '--by', 'Lars', '--lang', 'en');
    expect(english).toMatchObject({ code: 0, stdout: `✓ Case ${first} has been deleted with all its data (contact, conversation, messages).\n` });
    const json = await cases(env, 'delete', second, '--by', 'Lars', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ number: second, deleted: true });
    expect((JSON.parse((await cases(env, 'list', '--json')).stdout) as { number: string }[]).map((c) => c.number)).toEqual([third]);
  }, SLOW);

  it('exits 1 for an unknown number, like the other cases commands, and deletes nothing', async () => {
    const { env, numbers } = await seedCases([PER]);
    const [danish, english] = await Promise.all([cases(env, 'delete', 'KL-2026-0099', '--by', 'Lars'), cases(env, 'delete', 'KL-2026-0099', '--by', 'Lars', '--lang', 'en')]);
    expect(danish).toMatchObject({ code: 1, stdout: '', stderr: 'Der er ingen sag med nummeret "KL-2026-0099". Tjek nummeret med "some-advisor cases list".\n' });
    expect(english).toMatchObject({ code: 1, stdout: '', stderr: 'There is no case numbered "KL-2026-0099". Check the number with "some-advisor cases list".\n' });
    expect((await cases(env, 'show', numbers[0] ?? '')).code).toBe(0);
  }, SLOW);

  it('refuses without --by, naming the option, and deletes nothing', async () => {
    const { env, numbers } = await seedCases([PER]);
    const number = numbers[0] ?? '';
    for (const run of [await cases(env, 'delete', number), await cases(env, 'delete', number, '--by', '  ')]) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('cases delete needs --by NAME');
    }
    expect((await cases(env, 'show', number)).code).toBe(0);
  }, SLOW);

  it('logs at info who deleted which case number, and nothing the case held', async () => {
    const { env, numbers } = await seedTwo();
    const number = numbers[0] ?? '';
    const { log } = await cases(env, 'delete', number, '--by', 'Mette Konsulent');
    expect(log).toEqual([expect.objectContaining({ level: 30, case: number, by: 'Mette Konsulent', msg: expect.stringMatching(/deleted/) as unknown })]);
    for (const trace of ['Per Hansen', 'seed0@example.dk', 'Kolding', 'ringer']) expect(JSON.stringify(log)).not.toContain(trace);
  }, SLOW);
});

describe('cases delete through the real CLI', () => {
  it('deletes with the exit code of the process, and the usage lists it', async () => {
    const { env, numbers } = await seedCases([PER]);
    const number = numbers[0] ?? '';
    const deleted = await runCli(['cases', 'delete', number, '--by', 'Mette Konsulent'], '', env);
    expect(deleted).toMatchObject({ code: 0, stdout: `✓ Sag ${number} er slettet med alle oplysninger (kontakt, samtale, beskeder).\n` });
    const again = await runCli(['cases', 'delete', number, '--by', 'Mette Konsulent'], '', env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`Der er ingen sag med nummeret "${number}"`);
    expect((await runCli(['--help'])).stdout).toMatch(/cases list\|show\|claim\|resolve\|reply\|delete/);
  }, SLOW);
});
