import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServeProcess } from '../store/support/serve-process.ts';
import { runCli } from '../support/run-cli.ts';
import { useChatProcesses } from './support/chat-processes.ts';
import type { ChatLine } from './support/json-chat-process.ts';
import { readableMail } from './support/smtp-recorder.ts';
import { until } from './support/until.ts';

const KNOWLEDGE_DIR = join(import.meta.dirname, 'fixtures', 'knowledge');
const request = { topic: 'Kommentarer om affald', description: 'Mange spørgsmål om ny ordning.', urgency: 'none', municipality: 'Skive Kommune', name: 'Mette', contact: 'mette@skive.dk', consent: false };

const processes = useChatProcesses();
const servers: ServeProcess[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

const text = (line: ChatLine) => (line.messages ?? []).map((m) => m.fallback).join('\n');

async function noRouteEnv(): Promise<Record<string, string>> {
  return { SQLITE_PATH: join(await mkdtemp(join(tmpdir(), 'some-honest-')), 'state.db'), KNOWLEDGE_DIR, OUTBOX_POLL_MS: '100', OUTBOX_RETRY_BASE_MS: '100' };
}

describe('an install with no consultant route', () => {
  it('says the request is registered, not sent, and cases list shows that it has nowhere to go', async () => {
    const env = await noRouteEnv();
    const chat = processes.chat(env);
    const reply = text(await chat.requestConsultant(request));
    const number = /KL-\d{4}-\d{4}/.exec(reply)?.[0] ?? '';
    expect(reply).toContain(`Din henvendelse er registreret som sag ${number}, men den er ikke sendt til KL Kommunikation`);
    expect(reply).not.toMatch(/er sendt til KL/);
    expect(reply).not.toContain('Du kan forvente svar');

    const listed = await runCli(['cases', 'list'], '', env);
    expect(listed.stdout).toContain(`${number}  Ny`);
    expect(listed.stdout).toContain('! ingen konsulentkanal – sagen er ikke sendt til nogen');
    expect(JSON.parse((await runCli(['cases', 'list', '--json'], '', env)).stdout)).toEqual([expect.objectContaining({ number, unrouted: true })]);
    // the consultant is not shown a promise the user never got
    const shown = (await runCli(['cases', 'show', number], '', env)).stdout;
    expect(shown).toContain('Forventet svar: intet lovet – sagen nåede ingen konsulent, da den blev oprettet, og brugeren fik intet tidspunkt');
  }, 60_000);

  it('warns at start-up naming what is missing, keeps /readyz 200 with escalation "no-route", and sends the waiting case once a route is set', async () => {
    const env = await noRouteEnv();
    const chat = processes.chat(env);
    const number = /KL-\d{4}-\d{4}/.exec(text(await chat.requestConsultant(request)))?.[0] ?? '';
    chat.child.kill('SIGKILL');

    const bare = await ServeProcess.start({ ...env, LOG_LEVEL: 'info' });
    servers.push(bare);
    expect(await bare.get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready', checks: { store: 'ok', escalation: 'no-route' } } });
    const warning = await until('the start-up warning', () => bare.stderr.split('\n').find((line) => line.includes('no consultant delivery route')));
    for (const missing of ['CONSULTANT_SLACK_CHANNEL and SLACK_BOT_TOKEN are not set', 'no Teams channel is registered as consultant inbox', 'SMTP_URL and CONSULTANT_EMAIL are not set']) {
      expect(warning).toContain(missing);
    }
    await bare.stop();

    const smtp = await processes.smtp();
    const routed = await ServeProcess.start({ ...env, SMTP_URL: smtp.url, CONSULTANT_EMAIL: 'konsulenter@kl.dk' });
    servers.push(routed);
    expect(await routed.get('/readyz')).toMatchObject({ status: 200, body: { checks: { escalation: 'ok' } } });
    const mail = readableMail((await until('the forwarded case by e-mail', () => smtp.mails[0])).raw);
    expect(mail).toContain(number);
    expect(mail).toContain('Skive Kommune');
    expect(mail).toContain('Forventet svar: intet lovet');
    const listed = JSON.parse((await runCli(['cases', 'list', '--json'], '', env)).stdout) as { unrouted: boolean }[];
    expect(listed).toEqual([expect.objectContaining({ unrouted: false })]);
  }, 90_000);
});

describe('CASE_PREFIX', () => {
  it('numbers cases with the installation\'s prefix and refuses a prefix that is not letters and digits', async () => {
    const env = { ...(await noRouteEnv()), CASE_PREFIX: 'AAR' };
    const chat = processes.chat(env);
    expect(text(await chat.requestConsultant(request))).toMatch(/sag AAR-\d{4}-0001/);
    expect(text(await chat.requestConsultant({ ...request, topic: 'Et andet emne' }))).toMatch(/sag AAR-\d{4}-0002/);
    const bad = await runCli(['cases', 'list'], '', { ...env, CASE_PREFIX: 'K-L' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('CASE_PREFIX: must be 1-10 letters');
  }, 60_000);
});
