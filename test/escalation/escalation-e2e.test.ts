import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import type { ChatLine, JsonChat } from './support/json-chat-process.ts';
import { until } from './support/until.ts';
import { useChatProcesses } from './support/chat-processes.ts';

const KNOWLEDGE_DIR = join(import.meta.dirname, 'fixtures', 'knowledge');

const validValues = {
  topic: 'Shitstorm på Facebook',
  description: 'Hundredvis af vrede kommentarer. Borgeren skrev sit CPR 010203-1234 og ring 22 33 44 55.',
  urgency: 'urgent',
  municipality: 'Aarhus Kommune',
  name: 'Mette Jensen',
  contact: 'mette@aarhus.dk',
  consent: true,
};

interface CaseJson {
  number: string;
  status: string;
  transcript: { text: string }[];
  description: string;
  deliveries: { notification: string; status: string; attempts: number; lastError?: string }[];
  undelivered: string[];
}

const processes = useChatProcesses();

async function setup(extra: Record<string, string> = {}) {
  const smtp = await processes.smtp();
  const env = {
    SQLITE_PATH: join(await mkdtemp(join(tmpdir(), 'some-esc-')), 'state.db'),
    KNOWLEDGE_DIR,
    SMTP_URL: smtp.url,
    CONSULTANT_EMAIL: 'konsulenter@kl.dk',
    OUTBOX_POLL_MS: '100',
    OUTBOX_RETRY_BASE_MS: '100',
    ...extra,
  };
  return { smtp, env };
}

const chat = (env: Record<string, string>): JsonChat => processes.chat(env);

async function cases(env: Record<string, string>, ...args: string[]) {
  const result = await runCli(['cases', ...args, '--json'], '', env);
  if (result.code !== 0) throw new Error(`cases ${args.join(' ')} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as unknown;
}

/** The case as `cases show` prints it once its deliveries satisfy `settled`: a delivery is recorded a moment after it is made. */
function caseWhen(env: Record<string, string>, number: string | undefined, what: string, settled: (d: CaseJson['deliveries']) => boolean): Promise<CaseJson> {
  return until(what, async () => {
    const view = (await cases(env, 'show', number ?? '')) as CaseJson;
    return settled(view.deliveries) ? view : undefined;
  });
}

const text = (line: ChatLine) => (line.messages ?? line.notification?.messages ?? []).map((m) => m.fallback).join('\n');
const caseNumberIn = (line: ChatLine) => /KL-\d{4}-\d{4}/.exec(text(line))?.[0];

describe('escalation end to end in the JSON chat', () => {
  it('request → case stored → consultant e-mailed → claim → requester told → resolve → requester told', async () => {
    const { smtp, env } = await setup();
    const c = chat(env);
    await c.send('må vi slette kommentarer');
    const form = await c.send('tal med en konsulent');
    const formBlock = form.messages?.[0]?.blocks.find((b) => b.type === 'form') as { form: { id: string; fields: { id: string; required: boolean }[] } } | undefined;
    expect(formBlock?.form.id).toBe('escalation');
    expect(formBlock?.form.fields.map((f) => f.id)).toEqual(['topic', 'description', 'urgency', 'municipality', 'name', 'contact', 'consent']);

    const confirmation = await c.send({ form: 'escalation', values: validValues });
    const number = caseNumberIn(confirmation);
    expect(number).toMatch(/^KL-\d{4}-0001$/);
    expect(text(confirmation)).toContain('Du kan forvente svar');

    const stored = (await cases(env, 'show', number ?? '')) as CaseJson;
    expect(stored.status).toBe('new');
    expect(stored.description).toContain('[CPR-nummer fjernet]');
    expect(stored.description).toContain('[telefonnummer fjernet]');
    expect(stored.transcript.map((t) => t.text).join('\n')).toContain('må vi slette kommentarer');

    const mail = await until('the consultant e-mail', () => smtp.mails[0]);
    expect(mail.to).toEqual(['konsulenter@kl.dk']);
    expect(mail.raw).toContain(number);
    expect(mail.raw).toContain('Aarhus Kommune');
    expect(mail.raw).not.toContain('010203-1234');

    const claimed = (await runCli(['cases', 'claim', number ?? '', '--by', 'Lars Konsulent', '--json'], '', env));
    expect(claimed.code).toBe(0);
    expect((JSON.parse(claimed.stdout) as CaseJson).status).toBe('claimed');
    expect(text(await c.notification())).toContain(`Lars Konsulent fra KL Kommunikation har overtaget din henvendelse ${number}`);

    expect(((await cases(env, 'resolve', number ?? '', '--by', 'Lars Konsulent')) as CaseJson).status).toBe('resolved');
    expect(text(await c.notification())).toContain(`Din henvendelse ${number} er afsluttet`);

    const done = await caseWhen(env, number, 'three sent delivery records', (deliveries) => deliveries.filter((d) => d.status === 'sent').length >= 3);
    expect(done.deliveries.map((d) => `${d.notification}:${d.status}`).sort()).toEqual(['email:new:sent', 'requester:console:claimed:sent', 'requester:console:resolved:sent']);
    expect(smtp.mails).toHaveLength(1);
  }, 60_000);

  it('an invalid form shows the field errors and saves nothing', async () => {
    const { smtp, env } = await setup();
    const c = chat(env);
    await c.send('tal med en konsulent');
    const reply = await c.send({ form: 'escalation', values: { ...validValues, description: ' ', urgency: 'i går', contact: 'ikke en adresse' } });
    const form = reply.messages?.[0]?.blocks.find((b) => b.type === 'form') as { form: { fields: { id: string; error?: string }[] } } | undefined;
    const errors = Object.fromEntries((form?.form.fields ?? []).filter((f) => f.error).map((f) => [f.id, f.error]));
    expect(Object.keys(errors).sort()).toEqual(['contact', 'description', 'urgency']);
    expect(errors.contact).toMatch(/e-mailadresse|telefonnummer/);
    expect(await cases(env, 'list')).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails).toHaveLength(0);
  }, 30_000);

  it('a consultant endpoint failing three times then accepting gets the notification exactly once', async () => {
    const { smtp, env } = await setup();
    smtp.failNext(3);
    const c = chat(env);
    await c.send('tal med en konsulent');
    const number = caseNumberIn(await c.send({ form: 'escalation', values: validValues }));
    await until('the e-mail after three rejections', () => smtp.mails[0]);
    const shown = await caseWhen(env, number, 'the sent delivery record', (deliveries) => deliveries.some((d) => d.status === 'sent'));
    // a second send would follow the first within the outbox's poll; none comes
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.rejected).toBe(3);
    expect(smtp.mails).toHaveLength(1);
    expect(shown.deliveries).toEqual([expect.objectContaining({ notification: 'email:new', status: 'sent', attempts: 4 })]);
  }, 30_000);

  it('a process killed after the case is saved and before delivery delivers it after a restart', async () => {
    const { smtp, env } = await setup();
    const first = chat({ ...env, OUTBOX_POLL_MS: '600000' });
    await first.send('tal med en konsulent');
    const number = caseNumberIn(await first.send({ form: 'escalation', values: validValues }));
    expect(number).toBeDefined();
    first.child.kill('SIGKILL');
    await first.close();
    expect(smtp.mails).toHaveLength(0);
    expect(((await cases(env, 'show', number ?? '')) as CaseJson).deliveries).toEqual([]);

    chat(env);
    const mail = await until('the e-mail after the restart', () => smtp.mails[0]);
    expect(mail.raw).toContain(number);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails).toHaveLength(1);
  }, 30_000);

  it('shows a notification that keeps failing in cases show', async () => {
    const { smtp, env } = await setup();
    smtp.failNext(1000);
    const c = chat(env);
    await c.send('tal med en konsulent');
    const number = caseNumberIn(await c.send({ form: 'escalation', values: { ...validValues, urgency: 'none' } }));
    const shown = await caseWhen(env, number, 'a failing delivery record', (deliveries) => deliveries.length > 0);
    expect(shown.undelivered).toEqual(['email:new']);
    expect(shown.deliveries[0]?.lastError).toMatch(/451|Try again later/);
  }, 30_000);

  it('the readable terminal chat asks field by field and asks again for a field with an error', async () => {
    const { env } = await setup();
    const answers = ['tal med en konsulent', 'Shitstorm', 'Vrede kommentarer', '1', '', 'Mette', 'mette@aarhus.dk', 'j', '', '', '', 'Aarhus', '', '', ''];
    const result = await runCli(['chat'], `${answers.join('\n')}\n`, env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Hvor haster det? *');
    expect(result.stdout).toContain('[1] Akut – krise i gang');
    expect(result.stdout).toContain('! Udfyld "Kommune".');
    expect(result.stdout).toMatch(/sag KL-\d{4}-0001/);
    const stored = (await cases(env, 'list')) as { municipality: string; urgency: string }[];
    expect(stored).toEqual([expect.objectContaining({ municipality: 'Aarhus', urgency: 'urgent' })]);
  }, 30_000);
});
