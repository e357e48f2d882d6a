import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseLocale } from '../../src/cli/cli-options.ts';
import { runCases } from '../../src/cli/cases-command.ts';
import { CaseService } from '../../src/escalation/case-service.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { runCli } from '../support/run-cli.ts';
import { seedCases } from './support/seed-cases.ts';

const PER = { name: 'Per Hansen', municipality: 'Kolding Kommune' };

/** A test that also runs the real CLI (a few seconds a run on a busy machine). */
const SLOW = 90_000;

/**
 * `some-advisor cases …` on the seeded database, run in this process as the CLI runs it (the options parsed the same
 * way, the same command function, a case service on the same SQLite file): a spawned CLI per call took over a minute.
 * One test below runs the real CLI to hold the two together.
 */
async function cases(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, by: { type: 'string' }, lang: { type: 'string' } } });
  const store = new SqliteStore(env.SQLITE_PATH ?? '');
  const [out, err] = [new PassThrough(), new PassThrough()];
  try {
    const service = new CaseService({ store, consultantChannels: () => [] });
    const code = await runCases(service, positionals, { json: values.json ?? false, by: values.by, locale: parseLocale(values.lang) }, out, err);
    return { code, stdout: String(out.read() ?? ''), stderr: String(err.read() ?? '') };
  } finally {
    await store.close();
  }
}

describe('cases through the real CLI', () => {
  it('refuses a claim without --by and shows a case by a lower-case number, with the exit codes of the process', async () => {
    const { env, numbers } = await seedCases([PER]);
    const number = numbers[0] ?? '';
    const refused = await runCli(['cases', 'claim', number], '', env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--by NAME');
    const shown = await runCli(['cases', 'show', number.toLowerCase(), '--json'], '', env);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ number, status: 'new' });
  }, SLOW);

  it('works while the knowledge has an error: cases neither load the entries nor build the search', async () => {
    const { env, numbers } = await seedCases([PER]);
    const number = numbers[0] ?? '';
    const knowledge = await mkdtemp(join(tmpdir(), 'broken-knowledge-'));
    await mkdir(join(knowledge, 'faq'));
    await writeFile(join(knowledge, 'faq', 'broken.yaml'), 'id: broken\ntitle: [unclosed\n');
    const broken = { ...env, KNOWLEDGE_DIR: knowledge };
    const asked = await runCli(['ask', 'må vi slette kommentarer'], '', broken);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain('broken.yaml');
    const claimed = await runCli(['cases', 'claim', number, '--by', 'Lars Konsulent', '--json'], '', broken);
    expect(claimed.code).toBe(0);
    expect(JSON.parse(claimed.stdout)).toMatchObject({ number, status: 'claimed' });
  }, SLOW);
});

describe('cases: case numbers', () => {
  it('finds a case by its number in any case (kl-2026-0001)', async () => {
    const { env, numbers } = await seedCases([PER]);
    const number = numbers[0] ?? '';
    const shown = await cases(env, 'show', number.toLowerCase(), '--json');
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ number });
  }, SLOW);
});

describe('cases: the consultant name (--by)', () => {
  it('refuses claim, reply and resolve without --by, naming the option, and changes nothing', async () => {
    const { env, numbers } = await seedCases([PER]);
    const number = numbers[0] ?? '';
    const runs = await Promise.all([cases(env, 'claim', number), cases(env, 'resolve', number), cases(env, 'reply', number, 'Hej Per'), cases(env, 'claim', number, '--by', '  ')]);
    for (const run of runs) {
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('--by NAME');
      expect(run.stderr).toContain('the name the requester sees');
      expect(run.stdout).toBe('');
    }
    const shown = JSON.parse((await cases(env, 'show', number, '--json')).stdout) as { status: string; messages: unknown[] };
    expect(shown).toMatchObject({ status: 'new', messages: [] });
  }, SLOW);
});

describe('cases reply: refusals', () => {
  it('exits 1 for every reply it refuses: too long, empty, an unknown case, a closed case', async () => {
    const { env, numbers } = await seedCases([PER, PER], async (service, [, closed]) => {
      await service.move(closed ?? '', 'resolve', 'Mette Konsulent');
    });
    const [open = '', closed = ''] = numbers;
    const [tooLong, empty, missing, unknown, resolved] = await Promise.all([
      cases(env, 'reply', open, 'x'.repeat(2001), '--by', 'Lars'),
      cases(env, 'reply', open, '   ', '--by', 'Lars'),
      cases(env, 'reply', open, '--by', 'Lars'),
      cases(env, 'reply', 'KL-2026-0099', 'Hej Per', '--by', 'Lars'),
      cases(env, 'reply', closed, 'Hej Per', '--by', 'Lars'),
    ]);
    for (const run of [tooLong, empty, missing, unknown, resolved]) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
    }
    expect(tooLong.stderr).toContain('for langt');
    expect(empty.stderr).toContain('Svaret er tomt');
    expect(missing.stderr).toContain('Svaret er tomt');
    expect(unknown.stderr).not.toBe('');
    expect(resolved.stderr).toContain('Sagen er afsluttet');
  }, SLOW);

  it('leaves a new case new when its reply is refused (the requester is not told it was taken)', async () => {
    const { env, numbers } = await seedCases([PER]);
    const number = numbers[0] ?? '';
    expect((await cases(env, 'reply', number, 'x'.repeat(2001), '--by', 'Lars')).code).toBe(1);
    const shown = JSON.parse((await cases(env, 'show', number, '--json')).stdout) as { status: string; history: unknown[] };
    expect(shown).toMatchObject({ status: 'new', history: [expect.objectContaining({ status: 'new' })] });
    expect(shown.history).toHaveLength(1);
  }, SLOW);
});

describe('cases: one language', () => {
  it('says an unknown or closed case in Danish by default and in English with --lang en', async () => {
    const { env, numbers } = await seedCases([PER], async (service, [closed]) => {
      await service.move(closed ?? '', 'resolve', 'Mette Konsulent');
    });
    const closed = numbers[0] ?? '';
    const [show, claim, reply, claimClosed, showEn, claimClosedEn, replyEn] = await Promise.all([
      cases(env, 'show', 'KL-2026-0099'),
      cases(env, 'claim', 'KL-2026-0099', '--by', 'Lars'),
      cases(env, 'reply', 'KL-2026-0099', 'Hej Per', '--by', 'Lars'),
      cases(env, 'claim', closed, '--by', 'Lars'),
      cases(env, 'show', 'KL-2026-0099', '--lang', 'en'),
      cases(env, 'claim', closed, '--by', 'Lars', '--lang', 'en'),
      cases(env, 'reply', closed, 'Hej Per', '--by', 'Lars', '--lang', 'en'),
    ]);
    for (const run of [show, claim, reply, claimClosed, showEn, claimClosedEn, replyEn]) expect(run.code).toBe(1);
    for (const run of [show, claim, reply]) expect(run.stderr).toBe('Der er ingen sag med nummeret "KL-2026-0099". Tjek nummeret med "some-advisor cases list".\n');
    expect(claimClosed.stderr).toBe(`Sag ${closed} er afsluttet og kan ikke overtages.\n`);
    expect(showEn.stderr).toBe('There is no case numbered "KL-2026-0099". Check the number with "some-advisor cases list".\n');
    expect(claimClosedEn.stderr).toBe(`Case ${closed} is closed and cannot be taken.\n`);
    expect(replyEn.stderr).toContain('The case is closed');
  }, SLOW);
});

describe('cases claim: a case someone has', () => {
  it('refuses a case another consultant has taken, naming them, and notes one you hold already', async () => {
    const { env, numbers } = await seedCases([PER], async (service, [taken]) => {
      await service.move(taken ?? '', 'claim', 'Lars Konsulent');
    });
    const number = numbers[0] ?? '';
    const [other, otherEn, mine] = await Promise.all([
      cases(env, 'claim', number, '--by', 'Mette'),
      cases(env, 'claim', number, '--by', 'Mette', '--lang', 'en'),
      cases(env, 'claim', number, '--by', 'lars konsulent'),
    ]);
    expect(other).toMatchObject({ code: 1, stdout: '', stderr: 'Sagen er allerede overtaget af Lars Konsulent.\n' });
    expect(otherEn).toMatchObject({ code: 1, stdout: '', stderr: 'The case has already been taken by Lars Konsulent.\n' });
    expect(mine.code).toBe(0);
    expect(mine.stdout).toMatch(new RegExp(`^Du har allerede overtaget sag ${number}; intet nyt er sendt\.\n`));
    const shown = JSON.parse((await cases(env, 'show', number, '--json')).stdout) as { claimedBy: string; history: unknown[] };
    expect(shown).toMatchObject({ claimedBy: 'Lars Konsulent' });
    expect(shown.history).toHaveLength(2);
  }, SLOW);
});

describe('cases: whom it went to', () => {
  it('names the requester and municipality stored in the case when a claim, reply or resolution is sent, in Danish and English', async () => {
    const ANNE = { name: 'Anne Holm', municipality: 'Horsens Kommune' };
    const { env, numbers } = await seedCases([PER, ANNE, PER, ANNE]);
    const [claimed = '', claimedEn = '', replied = '', repliedEn = ''] = numbers;
    const [claim, claimEn, reply, replyEn] = await Promise.all([
      cases(env, 'claim', claimed, '--by', 'Lars'),
      cases(env, 'claim', claimedEn, '--by', 'Lars', '--lang', 'en'),
      cases(env, 'reply', replied, 'Hej Per, vedr. borgeren …', '--by', 'Lars'),
      cases(env, 'reply', repliedEn, 'Hej Anne, vedr. borgeren …', '--by', 'Lars', '--lang', 'en'),
    ]);
    expect(claim.stdout.split('\n')[0]).toBe(`✓ Du har overtaget sag ${claimed}. Per Hansen, Kolding Kommune får besked.`);
    expect(claimEn.stdout.split('\n')[0]).toBe(`✓ You have taken case ${claimedEn}. Anne Holm, Horsens Kommune is told.`);
    expect(reply.stdout).toBe(`✓ Sendt til Per Hansen, Kolding Kommune (sag ${replied}).\n`);
    expect(replyEn.stdout).toBe(`✓ Sent to Anne Holm, Horsens Kommune (case ${repliedEn}).\n`);

    const [resolve, resolveEn] = await Promise.all([cases(env, 'resolve', claimed, '--by', 'Lars'), cases(env, 'resolve', claimedEn, '--by', 'Lars', '--lang', 'en')]);
    expect(resolve.stdout.split('\n')[0]).toBe(`✓ Sag ${claimed} er afsluttet. Per Hansen, Kolding Kommune får besked.`);
    expect(resolveEn.stdout.split('\n')[0]).toBe(`✓ Case ${claimedEn} is closed. Anne Holm, Horsens Kommune is told.`);
    const again = await cases(env, 'resolve', claimed, '--by', 'Lars');
    expect(again.code).toBe(0);
    expect(again.stdout.split('\n')[0]).toBe(`Sag ${claimed} er allerede afsluttet; intet nyt er sendt.`);
  }, SLOW);
});

describe('cases reply: personal data taken out', () => {
  it('says what was removed from the reply before it was sent, in the consultant language and in --json', async () => {
    const { env, numbers } = await seedCases([PER, PER, PER]);
    const [one = '', two = '', three = ''] = numbers;
    const [phone, several, english] = await Promise.all([
      cases(env, 'reply', one, 'Ring til mig på 33 70 33 70 i morgen.', '--by', 'Lars'),
      cases(env, 'reply', two, 'Borgeren 010203-1234 skrev fra anne@example.dk.', '--by', 'Lars', '--json'),
      cases(env, 'reply', three, 'Ring til mig på 33 70 33 70 eller skriv til lars@kl.dk.', '--by', 'Lars', '--lang', 'en'),
    ]);
    expect(phone.stdout).toBe(`✓ Sendt til Per Hansen, Kolding Kommune (sag ${one}).\nTelefonnummeret i svaret er fjernet, før det blev sendt. Giv det til brugeren på anden måde.\n`);
    expect(JSON.parse(several.stdout)).toMatchObject({ removedFromReply: ['cpr', 'email'] });
    expect(english.stdout).toBe(`✓ Sent to Per Hansen, Kolding Kommune (case ${three}).\nThe e-mail address and the phone number in the reply were removed before it was sent. Give them to the user another way.\n`);
    const danish = await cases(env, 'reply', two, 'Borgeren 010203-1234 skrev fra anne@example.dk.', '--by', 'Lars');
    expect(danish.stdout.split('\n')[1]).toBe('CPR-nummeret og e-mailadressen i svaret er fjernet, før det blev sendt. Giv dem til brugeren på anden måde.');
  }, SLOW);
});

describe('cases show: notifications', () => {
  it('names each notification by what it told whom, in the consultant language, not by its internal name', async () => {
    const at = new Date().toISOString();
    const { env, numbers } = await seedCases([PER], async (service, [number]) => {
      const id = (await service.get(number ?? ''))?.case.id ?? '';
      await service.recordDelivery(id, 'email:new', { status: 'sent', attempts: 1, at });
      await service.recordDelivery(id, 'requester:console:claimed', { status: 'sent', attempts: 2, at });
      await service.recordDelivery(id, 'requester:console:reply:bcb7e86b-5d3c-4e0f-9d2a-6f1e2b3c4d5e', { status: 'sent', attempts: 1, at });
      await service.recordDelivery(id, 'slack-inbox:answer:slack:C1:123.456', { status: 'failed', attempts: 12, at, lastError: 'HTTP 500' });
    });
    const number = numbers[0] ?? '';
    const [danish, english, json] = await Promise.all([cases(env, 'show', number), cases(env, 'show', number, '--lang', 'en'), cases(env, 'show', number, '--json')]);
    const notifications = (page: string) => page.slice(page.lastIndexOf('\n\n')).trim().split('\n').slice(1).map((line) => line.trim().replace(/ \([^()]*(kl\.| at) [\d.:]+\)/, ''));
    expect(notifications(danish.stdout).sort()).toEqual([
      'Besked til brugeren om, at sagen er overtaget (terminalen): sendt efter 2 forsøg',
      'Brugerens svar til konsulenterne (Slack): opgivet efter 12 forsøg – HTTP 500',
      'Ny sag til konsulenterne (e-mail): sendt efter 1 forsøg',
      'Svar til brugeren (terminalen): sendt efter 1 forsøg',
    ]);
    expect(english.stdout).toContain('Reply to the user (the terminal): sent after 1 attempt(s)');
    expect(`${danish.stdout}${english.stdout}`).not.toMatch(/requester:|email:new|slack-inbox/);
    // Scripts keep the internal names.
    expect((JSON.parse(json.stdout) as { deliveries: { notification: string }[] }).deliveries.map((d) => d.notification)).toContain('email:new');
  }, SLOW);
});

describe('cases list: answers waiting', () => {
  it("marks an open case whose last message is the requester's answer, until the consultant writes again or closes it", async () => {
    const { env, numbers } = await seedCases([PER, PER, PER], async (service, [answered = '', repliedAgain = '', closed = '']) => {
      for (const number of [answered, repliedAgain, closed]) {
        const view = await service.get(number);
        const requester = view?.payload.requester;
        await service.reply(number, 'Hvornår skete det?', 'Lars', 'cli');
        await service.answer(view?.case.id ?? '', { conversationId: requester?.conversationId ?? '', userId: requester?.userId ?? '' }, 'I går aftes.');
      }
      await service.reply(repliedAgain, 'Tak, jeg ringer.', 'Lars', 'cli');
      await service.move(closed, 'resolve', 'Lars');
    });
    const lines = (await cases(env, 'list')).stdout.split('\n');
    const line = (number: string | undefined) => lines.find((l) => l.startsWith(number ?? '-')) ?? '';
    expect(line(numbers[0])).toContain(`brugeren har svaret – læs det med "cases show ${numbers[0]}"`);
    expect(line(numbers[1])).not.toContain('har svaret');
    expect(line(numbers[2])).not.toContain('har svaret');
    expect((await cases(env, 'list', '--lang', 'en')).stdout).toContain(`the requester has answered – read it with "cases show ${numbers[0]}"`);
  }, SLOW);
});
