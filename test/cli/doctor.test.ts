import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/cli/doctor-command.ts';
import { loadConfig } from '../../src/config/config.ts';
import { checkOperations } from '../../src/ops/credential-checks.ts';
import { FIXTURE_KNOWLEDGE } from '../store/support/chat-process.ts';
import { startSmtpRecorder } from '../escalation/support/smtp-recorder.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** `some-advisor doctor` in this process, with a route (e-mail) and a not yet created SQLite file besides `env`. */
async function doctor(env: Record<string, string>): Promise<{ code: number; lines: string[] }> {
  dir ??= await mkdtemp(join(tmpdir(), 'some-doctor-'));
  const out = new PassThrough();
  const base = { SQLITE_PATH: join(dir, 'state.db'), SMTP_URL: 'smtp://mail.example:25', CONSULTANT_EMAIL: 'kl@example.dk' };
  const code = await runDoctor({ ...base, ...env }, out);
  return { code, lines: String(out.read() ?? '').trim().split('\n') };
}

describe('doctor', () => {
  it('loads the knowledge as serve does and reports how much it holds', async () => {
    const run = await doctor({ KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE });
    expect(run.code, run.lines.join('\n')).toBe(0);
    expect(run.lines).toContainEqual(expect.stringMatching(new RegExp(`^ok +knowledge: \\d+ entries, \\d+ flows in ${FIXTURE_KNOWLEDGE}$`)));
  });

  it('fails, naming the folder, when KNOWLEDGE_DIR does not exist (serve would not start)', async () => {
    dir = await mkdtemp(join(tmpdir(), 'some-doctor-'));
    const missing = join(dir, 'knowledge');
    const run = await doctor({ KNOWLEDGE_DIR: missing });
    expect(run.code).toBe(1);
    expect(run.lines).toContain(`ERROR   knowledge: ${join(missing, 'faq')}:1: there is no FAQ folder at ${join(missing, 'faq')}; set KNOWLEDGE_DIR to the folder that holds faq/ and flows/, or run from the folder that holds knowledge/`);
    expect(run.lines.at(-1)).toMatch(/problem\(s\) found\.$/);
  });

  it('prints the first five lint errors as file:line: message and points at lint for the rest', async () => {
    dir = await mkdtemp(join(tmpdir(), 'some-doctor-'));
    const knowledge = join(dir, 'knowledge');
    await cp(join(import.meta.dirname, '..', 'fixtures', 'faq-broken'), join(knowledge, 'faq'), { recursive: true });
    await mkdir(join(knowledge, 'flows'));
    const run = await doctor({ KNOWLEDGE_DIR: knowledge });
    expect(run.code).toBe(1);
    const errors = run.lines.filter((line) => line.startsWith('ERROR   knowledge: '));
    expect(errors.slice(0, 5)).toEqual(Array(5).fill(expect.stringMatching(new RegExp(`^ERROR   knowledge: ${join(knowledge, 'faq')}/[\\w-]+\\.yaml:\\d+: `))));
    expect(errors.slice(5)).toEqual([expect.stringMatching(new RegExp(`^ERROR   knowledge: \\d+ more error\\(s\\) in ${knowledge}; some-advisor lint lists them all\\.$`))]);
  });
});

describe('doctor on the analytics secret', () => {
  it('does not warn that instances on one PostgreSQL differ without ANALYTICS_SECRET: the generated one is shared in the database', () => {
    const unset = checkOperations(loadConfig({ DATABASE_URL: 'postgres://db.example/some_advisor' }));
    expect(unset.filter((f) => f.subject === 'analytics')).toEqual([
      { level: 'ok', subject: 'analytics', message: "pseudonyms keyed by a secret generated once and kept in the database's settings table (shared by every instance on it)" },
    ]);
    const set = checkOperations(loadConfig({ DATABASE_URL: 'postgres://db.example/some_advisor', ANALYTICS_SECRET: 'a-secret-of-16-characters' }));
    expect(set.filter((f) => f.subject === 'analytics')).toEqual([{ level: 'ok', subject: 'analytics', message: 'pseudonyms keyed by ANALYTICS_SECRET (set the same one on every instance)' }]);
  });
});

describe('doctor: the SMTP server', () => {
  it('says whether the SMTP server in SMTP_URL answers, without its password, and only warns when it does not', async () => {
    const smtp = await startSmtpRecorder();
    try {
      const answering = await doctor({ KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, SMTP_URL: smtp.url });
      const port = new URL(smtp.url).port;
      expect(answering.lines).toContain(`ok      e-mail: the SMTP server at 127.0.0.1:${port} answers`);
      expect(answering.code).toBe(0);
    } finally {
      await smtp.close();
    }
    const closed = await startSmtpRecorder();
    const port = new URL(closed.url).port;
    await closed.close();
    const silent = await doctor({ KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, SMTP_URL: `smtp://kl:hemmelig@127.0.0.1:${port}` });
    expect(silent.lines).toContain(`warning e-mail: the SMTP server at 127.0.0.1:${port} does not answer (connect ECONNREFUSED 127.0.0.1:${port}); e-mails to consultants wait in the outbox until it does. Check SMTP_URL.`);
    expect(silent.lines.join('\n')).not.toContain('hemmelig');
    expect(silent.code).toBe(0);
  });
});
